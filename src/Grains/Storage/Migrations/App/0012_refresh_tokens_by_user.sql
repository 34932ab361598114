-- Deactivating a user or changing a password revokes every refresh token of that user: find them without a scan.
CREATE INDEX refresh_tokens_by_user ON app.refresh_tokens (user_id) WHERE revoked_at IS NULL;
