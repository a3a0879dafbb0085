-- Where a call goes on in its stored document after a <Dial> or a <Gather>, the time it spent
-- dialing (its own talk time does not run meanwhile), and until when it listens for live input.
ALTER TABLE calls ADD COLUMN twiml_position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE calls ADD COLUMN dialed_millis BIGINT NOT NULL DEFAULT 0;
ALTER TABLE calls ADD COLUMN listening_until TIMESTAMP(6) WITH TIME ZONE;
