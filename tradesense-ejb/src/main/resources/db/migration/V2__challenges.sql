-- Challenges, the events applied to them, their trades and their hash-chained audit trail.
-- The engine's full account state is kept as JSON (the source of truth for the next event); the
-- columns beside it serve lists and filters. Portable SQL for PostgreSQL and H2.
CREATE TABLE challenge (
    id              VARCHAR(36)    NOT NULL,
    plan_code       VARCHAR(64)    NOT NULL,
    plan_version    INTEGER        NOT NULL,
    trader_id       VARCHAR(128)   NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    phase_index     INTEGER        NOT NULL,
    balance         NUMERIC(30, 10) NOT NULL,
    equity          NUMERIC(30, 10) NOT NULL,
    state           VARCHAR(1000000) NOT NULL,
    seq             BIGINT         NOT NULL,
    audit_seq       BIGINT         NOT NULL,
    audit_hash      VARCHAR(64)    NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_challenge PRIMARY KEY (id),
    CONSTRAINT fk_challenge_plan FOREIGN KEY (plan_code, plan_version) REFERENCES plan_version (code, version)
);
CREATE INDEX ix_challenge_trader ON challenge (trader_id, created_at);
CREATE INDEX ix_challenge_status ON challenge (status, created_at);
CREATE INDEX ix_challenge_plan ON challenge (plan_code, created_at);

-- Every event received and applied (or recorded unapplied on a frozen challenge), in order.
-- (challenge, type, event id) is the idempotency key: a repeat answers with the stored answer.
CREATE TABLE challenge_event (
    challenge_id    VARCHAR(36)    NOT NULL,
    seq             BIGINT         NOT NULL,
    type            VARCHAR(16)    NOT NULL,
    event_id        VARCHAR(128),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    payload         VARCHAR(4000)  NOT NULL,
    outcomes        VARCHAR(100000) NOT NULL,
    answer          VARCHAR(1000000) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_challenge_event PRIMARY KEY (challenge_id, seq),
    CONSTRAINT uq_challenge_event_key UNIQUE (challenge_id, type, event_id),
    CONSTRAINT fk_challenge_event_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id)
);

CREATE TABLE trade (
    challenge_id    VARCHAR(36)    NOT NULL,
    trade_id        VARCHAR(128)   NOT NULL,
    phase_index     INTEGER        NOT NULL,
    symbol          VARCHAR(32)    NOT NULL,
    side            VARCHAR(4)     NOT NULL,
    volume          NUMERIC(30, 10) NOT NULL,
    open_price      NUMERIC(30, 10) NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    close_price     NUMERIC(30, 10),
    profit          NUMERIC(30, 10),
    closed_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_trade PRIMARY KEY (challenge_id, trade_id),
    CONSTRAINT fk_trade_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id)
);

-- Append-only: each entry's hash covers the previous entry's hash and this entry's content.
CREATE TABLE audit_entry (
    challenge_id    VARCHAR(36)    NOT NULL,
    seq             BIGINT         NOT NULL,
    kind            VARCHAR(32)    NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(128)   NOT NULL,
    content         VARCHAR(100000) NOT NULL,
    previous_hash   VARCHAR(64)    NOT NULL,
    hash            VARCHAR(64)    NOT NULL,
    CONSTRAINT pk_audit_entry PRIMARY KEY (challenge_id, seq),
    CONSTRAINT fk_audit_entry_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id)
);
