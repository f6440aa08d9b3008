-- Only a verified, live administrator counts: an account whose address was never proved (an
-- unverified registration given the admin role) cannot stand in for the last real one. The
-- same condition as `Users::count_active_admins` and `User::is_active_admin`.
DROP TRIGGER users_keep_an_admin;
CREATE TRIGGER users_keep_an_admin AFTER UPDATE OF role, email_verified_at, disabled_at, deleted_at ON users
WHEN OLD.role = 'admin' AND OLD.email_verified_at IS NOT NULL AND OLD.disabled_at IS NULL AND OLD.deleted_at IS NULL
  AND NOT (NEW.role = 'admin' AND NEW.email_verified_at IS NOT NULL AND NEW.disabled_at IS NULL AND NEW.deleted_at IS NULL)
  AND NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND email_verified_at IS NOT NULL
                  AND disabled_at IS NULL AND deleted_at IS NULL)
BEGIN SELECT RAISE(ABORT, 'last_admin'); END;
