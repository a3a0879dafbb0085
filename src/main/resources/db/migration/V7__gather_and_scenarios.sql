-- What a call's callee has answered so far, and what the next TwiML request carries (a Gather's
-- Digits or SpeechResult).
ALTER TABLE calls ADD COLUMN gathers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE calls ADD COLUMN twiml_parameters VARCHAR;

-- Callee rules a test makes at run time (POST /dialtone/scenarios): an account's own, tried before
-- the configured ones, newest first, and seen by every instance on the database.
CREATE TABLE scenarios (
    sid                    VARCHAR(34) PRIMARY KEY,
    account_sid            VARCHAR(34) NOT NULL,
    date_created           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    to_number              VARCHAR,
    to_pattern             VARCHAR,
    outcome                VARCHAR(16) NOT NULL,
    sip_response_code      INTEGER,
    ring_time_ms           BIGINT,
    talk_time_ms           BIGINT,
    answered_by            VARCHAR(32),
    digits                 VARCHAR,
    speech                 VARCHAR,
    input_delay_ms         BIGINT,
    record_time_ms         BIGINT,
    machine_detection_time_ms BIGINT
);
CREATE INDEX scenarios_by_account ON scenarios (account_sid, date_created DESC, sid DESC);
