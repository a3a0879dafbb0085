-- Recordings that last until stopped or until their call ends (Record=true, the REST API's start)
-- keep their own status callback, and may be paused.
ALTER TABLE recordings ADD COLUMN channels INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE recordings ADD COLUMN status_callback VARCHAR;
ALTER TABLE recordings ADD COLUMN status_callback_method VARCHAR(4);
ALTER TABLE recordings ADD COLUMN status_callback_events VARCHAR(64);
ALTER TABLE recordings ADD COLUMN paused_since TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE recordings ADD COLUMN paused_skips BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE recordings ADD COLUMN skipped_millis BIGINT DEFAULT 0 NOT NULL;
