-- Only a verified, live administrator counts: an account whose address was never proved (an
-- unverified registration given the admin role) cannot stand in for the last real one. The
-- same condition as `Users::count_active_admins` and `User::is_active_admin`.
-- (Use cases also take an advisory lock first, so concurrent changes cannot both pass.)
CREATE OR REPLACE FUNCTION users_keep_an_admin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.role = 'admin' AND OLD.email_verified_at IS NOT NULL AND OLD.disabled_at IS NULL
       AND OLD.deleted_at IS NULL
       AND NOT (NEW.role = 'admin' AND NEW.email_verified_at IS NOT NULL AND NEW.disabled_at IS NULL
                AND NEW.deleted_at IS NULL)
       AND NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND email_verified_at IS NOT NULL
                       AND disabled_at IS NULL AND deleted_at IS NULL)
    THEN
        RAISE EXCEPTION 'last_admin';
    END IF;
    RETURN NEW;
END; $$;
DROP TRIGGER users_keep_an_admin ON users;
CREATE TRIGGER users_keep_an_admin AFTER UPDATE OF role, email_verified_at, disabled_at, deleted_at ON users
FOR EACH ROW EXECUTE FUNCTION users_keep_an_admin();
