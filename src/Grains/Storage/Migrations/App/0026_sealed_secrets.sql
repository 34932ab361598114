-- Secrets at rest are sealed with a key-encryption key (KEK) kept outside the database (AES-256-GCM, see
-- KeyEncryptionKeys). kek_id names the KEK that sealed a row's secret; NULL means the secret is still plain, as
-- every row written before this migration is. A migration cannot know the KEK, so the product seals those rows
-- itself when it starts (SealedSecrets.SealPlainAsync), and `rotate-kek` reseals rows of an older KEK.
ALTER TABLE app.signing_keys ADD COLUMN kek_id text;
ALTER TABLE app.webhooks ADD COLUMN kek_id text;
ALTER TABLE app.integrations ADD COLUMN kek_id text;

COMMENT ON COLUMN app.signing_keys.private_key_pem IS 'The private key, sealed with the KEK named by kek_id (plain while kek_id is NULL).';
COMMENT ON COLUMN app.webhooks.secret IS 'The signing secret, sealed with the KEK named by kek_id (plain while kek_id is NULL).';
COMMENT ON COLUMN app.integrations.webhook_secret IS 'The push-signing secret, sealed with the KEK named by kek_id (plain while kek_id is NULL).';
