-- A call's later callbacks wait (state WAITING, no due time) until the one before them is settled,
-- so the dispatcher's claim needs no look at other rows; this index finds the waiting ones.
CREATE INDEX webhooks_by_state ON webhooks (state, call_sid, id);
