-- Call-back requests: callers who chose to be called back keep their place here while off the line.
-- The ACD's routing engine is rebuilt from the open rows (WAITING, DIALLING) when the bundle starts.
CREATE TABLE acd_callback (
    id               TEXT PRIMARY KEY,
    queue            TEXT NOT NULL,
    customer_class   TEXT,
    priority         INTEGER NOT NULL,
    enqueued_at      TEXT NOT NULL,   -- the caller's place: when the original call entered the queue
    number           TEXT NOT NULL,
    original_call_id TEXT NOT NULL,
    attached         TEXT NOT NULL,   -- JSON: the original call's screen pop
    requested_at     TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    not_before       TEXT,
    status           TEXT NOT NULL CHECK (status IN ('WAITING', 'DIALLING', 'DONE', 'FAILED')),
    call_id          TEXT
);
CREATE INDEX acd_callback_open ON acd_callback (status) WHERE status IN ('WAITING', 'DIALLING');
