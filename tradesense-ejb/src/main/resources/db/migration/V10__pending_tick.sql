-- Tick compaction (DESIGN.md 5b, docs/rules.md 18): a tick that changes nothing but equity and time is
-- not appended to challenge_event. The last such tick since the last stored event is kept here (its
-- event document: exact decimals and its id), with who sent it and when it arrived, and is stored before
-- the next event, staff action or worker boundary, so the log replays to the exact state. marks are the
-- equity marks of the daily snapshots, folded over every applied event (JSON); a challenge without them
-- (started before this version) stores every tick. Portable SQL for PostgreSQL and H2.
ALTER TABLE challenge ADD COLUMN marks VARCHAR(1000);
ALTER TABLE challenge ADD COLUMN pending_tick VARCHAR(4000);
ALTER TABLE challenge ADD COLUMN pending_tick_actor VARCHAR(128);
ALTER TABLE challenge ADD COLUMN pending_tick_received_at TIMESTAMP WITH TIME ZONE;
