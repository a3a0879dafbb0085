-- One row per call: what the API shows, what the create request asked for, and the lifecycle's
-- next due event. Written once for H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE calls (
    sid                               VARCHAR(34)   NOT NULL PRIMARY KEY,
    account_sid                       VARCHAR(34)   NOT NULL,
    parent_call_sid                   VARCHAR(34),
    to_endpoint                       VARCHAR(256)  NOT NULL,
    to_formatted                      VARCHAR(256),
    from_endpoint                     VARCHAR(256)  NOT NULL,
    from_formatted                    VARCHAR(256),
    phone_number_sid                  VARCHAR(34),
    status                            VARCHAR(16)   NOT NULL,
    direction                         VARCHAR(32)   NOT NULL,
    answered_by                       VARCHAR(32),
    forwarded_from                    VARCHAR(256),
    group_sid                         VARCHAR(34),
    caller_name                       VARCHAR(256),
    trunk_sid                         VARCHAR(34),
    date_created                      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    date_updated                      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    start_time                        TIMESTAMP(6) WITH TIME ZONE,
    end_time                          TIMESTAMP(6) WITH TIME ZONE,
    duration                          INTEGER,
    price                             NUMERIC(12, 5),
    price_unit                        VARCHAR(3)    NOT NULL,
    queue_time                        BIGINT,

    url                               VARCHAR(4000),
    method                            VARCHAR(4)    NOT NULL,
    twiml                             VARCHAR(4000),
    application_sid                   VARCHAR(34),
    fallback_url                      VARCHAR(4000),
    fallback_method                   VARCHAR(4)    NOT NULL,
    status_callback                   VARCHAR(4000),
    status_callback_method            VARCHAR(4)    NOT NULL,
    status_callback_events            VARCHAR(64)   NOT NULL,
    send_digits                       VARCHAR(32),
    timeout_seconds                   INTEGER       NOT NULL,
    time_limit_seconds                INTEGER,
    record_call                       BOOLEAN       NOT NULL,
    recording_channels                VARCHAR(8),
    recording_status_callback         VARCHAR(4000),
    recording_status_callback_method  VARCHAR(4)    NOT NULL,
    recording_status_callback_events  VARCHAR(64),
    recording_track                   VARCHAR(16),
    trim_mode                         VARCHAR(16),
    sip_auth_username                 VARCHAR(255),
    sip_auth_password                 VARCHAR(255),
    machine_detection                 VARCHAR(32),
    machine_detection_timeout         INTEGER,
    machine_detection_speech_threshold      INTEGER,
    machine_detection_speech_end_threshold  INTEGER,
    machine_detection_silence_timeout       INTEGER,
    async_amd                         BOOLEAN,
    async_amd_status_callback         VARCHAR(4000),
    async_amd_status_callback_method  VARCHAR(4)    NOT NULL,
    byoc                              VARCHAR(34),
    call_reason                       VARCHAR(255),
    call_token                        VARCHAR(4000),
    caller_id                         VARCHAR(256),
    client_notification_url           VARCHAR(4000),

    next_event                        VARCHAR(16),
    next_event_at                     TIMESTAMP(6) WITH TIME ZONE,
    version                           BIGINT        NOT NULL
);

-- Lists are newest first within an account; each filter gets an index that also serves the order,
-- so a filtered page is an index range scan however many calls are stored.
CREATE INDEX calls_by_account ON calls (account_sid, date_created DESC, sid DESC);
CREATE INDEX calls_by_to ON calls (account_sid, to_endpoint, date_created DESC, sid DESC);
CREATE INDEX calls_by_from ON calls (account_sid, from_endpoint, date_created DESC, sid DESC);
CREATE INDEX calls_by_status ON calls (account_sid, status, date_created DESC, sid DESC);
CREATE INDEX calls_by_parent ON calls (account_sid, parent_call_sid, date_created DESC, sid DESC);
CREATE INDEX calls_by_start_time ON calls (account_sid, start_time);
CREATE INDEX calls_by_end_time ON calls (account_sid, end_time);
CREATE INDEX calls_due ON calls (next_event_at);
