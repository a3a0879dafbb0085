-- A callback's parameters repeat the call's own values (To, From, Called, Caller, percent-encoded),
-- so no fixed length fits every call that create accepts; the journal keeps them whole too.
ALTER TABLE webhooks ALTER COLUMN parameters SET DATA TYPE VARCHAR;
ALTER TABLE call_requests ALTER COLUMN parameters SET DATA TYPE VARCHAR;

-- Redirects followed in a row without anything taking time: a document redirecting to itself is a loop.
ALTER TABLE calls ADD COLUMN idle_redirects INTEGER DEFAULT 0 NOT NULL;

-- What went wrong with a call, as Twilio's Notifications resource tells it: log 0 is an error, 1 a warning.
CREATE TABLE notifications (
    sid               VARCHAR(34)   NOT NULL PRIMARY KEY,
    account_sid       VARCHAR(34)   NOT NULL,
    call_sid          VARCHAR(34),
    log               INTEGER       NOT NULL,
    error_code        INTEGER       NOT NULL,
    message_text      VARCHAR       NOT NULL,
    request_url       VARCHAR,
    request_method    VARCHAR(4),
    date_created      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX notifications_by_call ON notifications (call_sid, date_created);
CREATE INDEX notifications_by_account ON notifications (account_sid, date_created DESC, sid DESC);
