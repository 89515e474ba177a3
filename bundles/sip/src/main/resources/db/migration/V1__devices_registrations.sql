-- SIP devices (agent phones) and their registrations.
-- Times are ISO-8601 UTC with milliseconds, fixed width so text order is time order.

-- Only realm-bound digest hashes: HA1 = H(user:realm:password). Never the clear password.
CREATE TABLE sip_device (
    username    TEXT NOT NULL PRIMARY KEY,
    realm       TEXT NOT NULL,
    ha1_md5     TEXT NOT NULL,
    ha1_sha256  TEXT,
    created_at  TEXT NOT NULL
);

-- Bindings survive a restart until they expire.
CREATE TABLE sip_registration (
    username    TEXT NOT NULL REFERENCES sip_device (username) ON DELETE CASCADE,
    contact     TEXT NOT NULL,
    transport   TEXT NOT NULL,
    source      TEXT NOT NULL,
    call_id     TEXT NOT NULL,
    cseq        INTEGER NOT NULL,
    expires_at  TEXT NOT NULL,
    PRIMARY KEY (username, contact)
);
CREATE INDEX sip_registration_expiry ON sip_registration (expires_at);

-- One-time facts about this database, such as whether the demo devices were ever added.
CREATE TABLE sip_meta (
    name   TEXT NOT NULL PRIMARY KEY,
    value  TEXT NOT NULL
);
