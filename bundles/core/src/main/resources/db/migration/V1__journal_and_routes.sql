-- Core's journal and inbound routes.
-- Times are ISO-8601 UTC with milliseconds ('2025-01-31T08:00:00.000Z'), fixed width so that
-- text order is time order.

-- The append-only journal. seq is assigned by the journal inside the store's single writer as
-- max(seq) + 1, so it starts at 1 and has no gaps (a rolled-back append leaves none). Rows are
-- never updated or deleted. data is a JSON object of plain values, already free of secrets.
CREATE TABLE core_journal (
    seq       INTEGER PRIMARY KEY,
    time      TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    call_id   TEXT,
    agent_id  TEXT,
    data      TEXT    NOT NULL DEFAULT '{}'
);
-- "everything about this call": the one lookup besides reading by cursor
CREATE INDEX core_journal_call ON core_journal (call_id) WHERE call_id IS NOT NULL;

-- Inbound routes. pattern: an exact number, or a prefix ending in '*' ('*' alone matches all).
-- hours: 'mon-fri 08:00-20:00; sat 09:00-17:00', empty = always open, read in time_zone.
-- alternate_route: where calls go when this route is closed or on a holiday of its calendar.
CREATE TABLE core_route (
    id               TEXT    NOT NULL PRIMARY KEY,
    pattern          TEXT    NOT NULL UNIQUE,
    controller       TEXT    NOT NULL,
    params           TEXT    NOT NULL DEFAULT '{}',
    hours            TEXT    NOT NULL DEFAULT '',
    time_zone        TEXT    NOT NULL DEFAULT 'UTC',
    holiday_calendar TEXT,
    alternate_route  TEXT    REFERENCES core_route (id),
    enabled          INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
);

-- Holiday calendars: date is a local date ('2025-10-01') in the time zone of the route using it.
CREATE TABLE core_holiday (
    calendar  TEXT NOT NULL,
    date      TEXT NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (calendar, date)
);

-- One-off facts about core's data, e.g. that the demo routes were created once (so routes an
-- admin deleted are not created again on the next start).
CREATE TABLE core_marker (
    name  TEXT NOT NULL PRIMARY KEY,
    at    TEXT NOT NULL
);
