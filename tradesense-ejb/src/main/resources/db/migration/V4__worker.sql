-- What the risk worker needs. The engine's state stays the source of truth; the columns added to
-- challenge are copies of it kept on every write, so the worker finds the accounts that need it
-- with one indexed query instead of reading every state. NULL in them means "not filled yet": the
-- worker fills such rows itself at start-up.
ALTER TABLE challenge ADD COLUMN next_day_start TIMESTAMP WITH TIME ZONE;
-- The earliest of the time limit, the inactivity deadline and the end of a pause.
ALTER TABLE challenge ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE challenge ADD COLUMN open_trades INTEGER DEFAULT 0 NOT NULL;
-- Share of each floor's room used, 0 to 1 and above once breached (DESIGN: 80% and 95% alerts).
ALTER TABLE challenge ADD COLUMN daily_loss_used NUMERIC(12, 6);
ALTER TABLE challenge ADD COLUMN max_loss_used NUMERIC(12, 6);
-- When the platform last reported equity (server time): a stale feed is noticed from it.
ALTER TABLE challenge ADD COLUMN last_feed_at TIMESTAMP WITH TIME ZONE;
-- The last event sequence number the daily snapshots include.
ALTER TABLE challenge ADD COLUMN snapshot_seq BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX ix_challenge_next_day ON challenge (status, next_day_start);

-- Alerts for risk staff: raised once per (challenge, dedupe key), acknowledged with a note.
CREATE TABLE alert (
    id              VARCHAR(36)    NOT NULL,
    challenge_id    VARCHAR(36)    NOT NULL,
    kind            VARCHAR(32)    NOT NULL,
    severity        VARCHAR(16)    NOT NULL,
    dedupe_key      VARCHAR(160)   NOT NULL,
    message         VARCHAR(500)   NOT NULL,
    data            VARCHAR(4000)  NOT NULL,
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by VARCHAR(128),
    note            VARCHAR(1000),
    CONSTRAINT pk_alert PRIMARY KEY (id),
    CONSTRAINT uq_alert_dedupe UNIQUE (challenge_id, dedupe_key),
    CONSTRAINT fk_alert_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id)
);
CREATE INDEX ix_alert_raised ON alert (raised_at);
CREATE INDEX ix_alert_open ON alert (acknowledged_at, raised_at);

-- One row per challenge and trading day (in the plan's zone), built from the recorded events.
CREATE TABLE challenge_day (
    challenge_id    VARCHAR(36)    NOT NULL,
    trading_day     DATE           NOT NULL,
    phase_index     INTEGER        NOT NULL,
    start_balance   NUMERIC(30, 10) NOT NULL,
    end_balance     NUMERIC(30, 10) NOT NULL,
    start_equity    NUMERIC(30, 10) NOT NULL,
    end_equity      NUMERIC(30, 10) NOT NULL,
    low_equity      NUMERIC(30, 10) NOT NULL,
    high_equity     NUMERIC(30, 10) NOT NULL,
    -- Highest equity of the phase up to the end of this day, and the deepest fall from such a high.
    peak_equity     NUMERIC(30, 10) NOT NULL,
    max_drawdown    NUMERIC(30, 10) NOT NULL,
    trades_opened   INTEGER        NOT NULL,
    trades_closed   INTEGER        NOT NULL,
    profit          NUMERIC(30, 10) NOT NULL,
    last_seq        BIGINT         NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_challenge_day PRIMARY KEY (challenge_id, trading_day),
    CONSTRAINT fk_challenge_day_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id)
);
