-- Lockouts of a partner since its last successful login: each further lockout lasts twice as long (capped).
ALTER TABLE auth_lockout ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
