-- Recordings a call's <Record> made; one is in progress until its end time, then completed.
CREATE TABLE recordings (
    sid              VARCHAR(34) PRIMARY KEY,
    account_sid      VARCHAR(34) NOT NULL,
    call_sid         VARCHAR(34) NOT NULL,
    date_created     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    start_time       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    end_time         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    duration_seconds INTEGER NOT NULL,
    source           VARCHAR(32) NOT NULL
);
CREATE INDEX recordings_by_account ON recordings (account_sid, date_created DESC, sid DESC);
CREATE INDEX recordings_by_call ON recordings (account_sid, call_sid, date_created DESC, sid DESC);
