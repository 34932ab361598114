-- A user's security stamp: every access token carries the stamp its user had when it was issued, and the
-- organisation's gate refuses a token whose stamp is no longer the user's. Changing a role, deactivating or
-- reactivating, and changing the password move it on, so a token never outlives the rights it was issued for.
-- Existing users start at 0, the stamp a token without one is read as, so tokens issued before the upgrade
-- keep working until they expire or their user changes.
ALTER TABLE app.users ADD COLUMN security_stamp integer NOT NULL DEFAULT 0;
