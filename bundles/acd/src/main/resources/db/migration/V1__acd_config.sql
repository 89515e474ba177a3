-- The ACD's configuration (agents, queues, customer classes) and its agents' live state.
-- Times are ISO-8601 UTC with milliseconds ('2025-01-31T08:00:00.000Z'), as in core's tables.
-- The store does not turn foreign keys on, so the REFERENCES below document intent; the ACD's
-- code deletes children itself.

-- Agents. device: 'sip:<user>' (a registered SIP phone) or 'card:<channel>' (a card extension).
-- The SIP password is never here: the SIP bundle keeps only realm-bound hashes of it.
CREATE TABLE acd_agent (
    id                TEXT    NOT NULL PRIMARY KEY,
    name              TEXT    NOT NULL,
    device            TEXT    NOT NULL,
    team              TEXT,
    outbound_allowed  INTEGER NOT NULL DEFAULT 0 CHECK (outbound_allowed IN (0, 1))
);

-- Skills are rows, not JSON, so "who has cards >= 3" can be asked in SQL (reports, the console).
CREATE TABLE acd_agent_skill (
    agent_id  TEXT    NOT NULL REFERENCES acd_agent (id) ON DELETE CASCADE,
    skill     TEXT    NOT NULL,
    level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 10),
    PRIMARY KEY (agent_id, skill)
);
CREATE INDEX acd_agent_skill_by_skill ON acd_agent_skill (skill, level);

-- Queues. The nested parts are JSON text, read and written whole with the queue and never
-- searched in SQL, so new kinds of overflow step or max-wait action need no migration:
--   overflow:    [{"afterSeconds":30,"skill":"general","level":1} | {"afterSeconds":60,"queue":"general"}]
--   on_max_wait: {"action":"queue","queue":"x"} | {"action":"callback"} | {"action":"message","prompt":"p"}
CREATE TABLE acd_queue (
    id                     TEXT    NOT NULL PRIMARY KEY,
    name                   TEXT    NOT NULL,
    skill                  TEXT    NOT NULL,
    minimum_level          INTEGER NOT NULL,
    strategy               TEXT    NOT NULL,
    service_level_seconds  INTEGER NOT NULL,
    overflow               TEXT    NOT NULL DEFAULT '[]',
    max_wait_seconds       INTEGER NOT NULL DEFAULT 0,
    on_max_wait            TEXT,
    announce_every_seconds INTEGER NOT NULL DEFAULT 0,
    announce_prompt        TEXT,
    music                  TEXT    NOT NULL,
    callback_offer         INTEGER NOT NULL DEFAULT 0 CHECK (callback_offer IN (0, 1)),
    callback_digit         TEXT    NOT NULL,
    wrap_up_seconds        INTEGER NOT NULL,
    ring_timeout_seconds   INTEGER NOT NULL,
    no_answer_reason       TEXT    NOT NULL
);

-- Customer classes: who waits ahead of whom (higher priority first).
CREATE TABLE acd_customer_class (
    id        TEXT    NOT NULL PRIMARY KEY,
    name      TEXT    NOT NULL,
    priority  INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 100)
);

-- Each agent's state, written by the ACD's agent state machine; no row means LOGGED_OUT.
-- since: when the agent entered the state; call_id: the call the agent is offered or on, else
-- null; idle_since: when the agent last became free (null = since). calls_today counts the calls
-- of calls_day ('2025-01-31', the appliance's local date); null until the agent's first call.
CREATE TABLE acd_agent_state (
    agent_id     TEXT    NOT NULL PRIMARY KEY REFERENCES acd_agent (id) ON DELETE CASCADE,
    state        TEXT    NOT NULL,
    reason       TEXT,
    since        TEXT    NOT NULL,
    call_id      TEXT,
    idle_since   TEXT,
    calls_today  INTEGER NOT NULL DEFAULT 0,
    calls_day    TEXT
);

-- One-off facts about the ACD's data, e.g. that the demo configuration was created once (so
-- demo data an admin deleted is not created again on the next start).
CREATE TABLE acd_marker (
    name  TEXT NOT NULL PRIMARY KEY,
    at    TEXT NOT NULL
);
