-- The last TOTP time step accepted for each account: a code is never accepted twice.
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;
