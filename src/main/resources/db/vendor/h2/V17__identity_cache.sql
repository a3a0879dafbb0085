-- H2 writes an identity's next value to its file (a commit of its own) each time the values it
-- keeps in memory run out: 32 by default, so a busy lifecycle paid more of those commits than of
-- its own. After a crash the numbering goes on past the values kept, leaving a gap, never a repeat.
ALTER TABLE webhooks ALTER COLUMN id SET CACHE 4096;
ALTER TABLE call_requests ALTER COLUMN id SET CACHE 4096;
ALTER TABLE call_flow ALTER COLUMN id SET CACHE 4096;
