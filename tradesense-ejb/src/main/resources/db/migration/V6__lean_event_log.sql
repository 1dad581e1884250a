-- A repeat's answer is rebuilt from its row (the first entry) and the challenge's current state, so new
-- rows store no answer; rows written before keep theirs and answer it. The daily snapshots read each
-- event's balance, equity and phase, so those are kept as three columns instead of the whole snapshot.
-- Portable SQL for PostgreSQL and H2.
ALTER TABLE challenge_event ALTER COLUMN answer DROP NOT NULL;
ALTER TABLE challenge_event ADD COLUMN balance NUMERIC(30, 10);
ALTER TABLE challenge_event ADD COLUMN equity NUMERIC(30, 10);
ALTER TABLE challenge_event ADD COLUMN phase_index INTEGER;
