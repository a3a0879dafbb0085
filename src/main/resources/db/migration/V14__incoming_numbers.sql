-- The account's phone numbers (IncomingPhoneNumbers) and where their incoming calls go.
CREATE TABLE incoming_numbers (
    sid                    VARCHAR(34)  PRIMARY KEY,
    account_sid            VARCHAR(34)  NOT NULL,
    phone_number           VARCHAR(32)  NOT NULL,
    friendly_name          VARCHAR(255) NOT NULL,
    voice_url              VARCHAR(4000),
    voice_method           VARCHAR(4)   NOT NULL,
    voice_fallback_url     VARCHAR(4000),
    voice_fallback_method  VARCHAR(4)   NOT NULL,
    status_callback        VARCHAR(4000),
    status_callback_method VARCHAR(4)   NOT NULL,
    date_created           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    date_updated           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT incoming_numbers_unique UNIQUE (account_sid, phone_number)
);
CREATE INDEX incoming_numbers_by_account ON incoming_numbers (account_sid, date_created DESC, sid DESC);
