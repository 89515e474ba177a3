-- Console accounts, bearer tokens and the audit log.
-- Times are ISO-8601 UTC with milliseconds ('2025-01-31T08:00:00.000Z'), fixed width so that
-- text order is time order.

CREATE TABLE console_user (
    username       TEXT    NOT NULL PRIMARY KEY,
    role           TEXT    NOT NULL CHECK (role IN ('admin', 'supervisor', 'qa', 'agent')),
    -- self-describing: 'pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>'
    password_hash  TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   TEXT
);

-- Only the SHA-256 of a token is kept: a copy of the database does not let anyone log in.
-- kind: 'login' (POST /auth/token), 'api' reserved for the revocable integration tokens.
CREATE TABLE console_token (
    token_hash  TEXT NOT NULL PRIMARY KEY,
    username    TEXT NOT NULL REFERENCES console_user (username) ON DELETE CASCADE,
    kind        TEXT NOT NULL DEFAULT 'login',
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT
);
CREATE INDEX console_token_expiry ON console_token (expires_at);

-- Who did what, when, from where. Never a password or a token.
CREATE TABLE console_audit (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    remote_address  TEXT,
    detail          TEXT
);
CREATE INDEX console_audit_at ON console_audit (at);
CREATE INDEX console_audit_actor ON console_audit (actor);
