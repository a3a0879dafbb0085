-- A webhook waiting to be sent (or being sent, under a lease) has a due time; a settled one has none.
-- The dispatcher's claim is then one range scan of what is due, however many webhooks were sent before.
ALTER TABLE webhooks ADD COLUMN due_at TIMESTAMP(6) WITH TIME ZONE;
UPDATE webhooks SET due_at = next_attempt_at WHERE state IN ('PENDING', 'SENDING');
DROP INDEX webhooks_due;
CREATE INDEX webhooks_due ON webhooks (due_at);
