CREATE OR REPLACE VIEW user_logins AS
    SELECT id, login FROM users;
