-- Faults on demand: rules that make the API answer an error or late, or outbound requests fail.
CREATE TABLE faults (
    sid          VARCHAR(34)  PRIMARY KEY,
    account_sid  VARCHAR(34)  NOT NULL,
    direction    VARCHAR(8)   NOT NULL,
    method       VARCHAR(8),
    path         VARCHAR(4000) NOT NULL,
    status       INTEGER,
    latency_ms   BIGINT,
    error        VARCHAR(16),
    remaining    INTEGER,
    percent      INTEGER,
    date_created TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
