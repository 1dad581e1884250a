-- Outbound: webhooks for a firm's other systems and enforcement commands for the trading platform
-- (DESIGN §6 "Outbound", docs/webhooks.md). The outbox and the commands are written in the same
-- transaction as the change they report; the worker delivers from the outbox. Portable SQL for
-- PostgreSQL and H2. No foreign keys: rows written together in one transaction reach the database in
-- an order the persistence unit chooses, and a subscription removed meanwhile must never fail the
-- commit of a trading event; removing a subscription removes its secrets and deliveries itself.

-- Where a firm wants webhooks, and which event types (space-separated names, e.g. "challenge.failed").
CREATE TABLE webhook_subscription (
    id              VARCHAR(36)    NOT NULL,
    url             VARCHAR(2000)  NOT NULL,
    event_types     VARCHAR(1000)  NOT NULL,
    description     VARCHAR(500),
    active          BOOLEAN        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook_subscription PRIMARY KEY (id)
);

-- A subscription's signing secrets. Several may be current during a rotation: the newest signs, and a
-- retired one signs no more once its grace is over (retired_at is the end of the grace).
CREATE TABLE webhook_secret (
    key_id          VARCHAR(40)    NOT NULL,
    subscription_id VARCHAR(36)    NOT NULL,
    secret          VARCHAR(200)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_webhook_secret PRIMARY KEY (key_id)
);
CREATE INDEX ix_webhook_secret_subscription ON webhook_secret (subscription_id, created_at);

-- Every outbound event once, as a CloudEvent: id is the CloudEvents id, stable across retries and replays.
CREATE TABLE outbox (
    id              VARCHAR(36)    NOT NULL,
    type            VARCHAR(64)    NOT NULL,
    subject         VARCHAR(36)    NOT NULL,
    data            VARCHAR(100000) NOT NULL,
    -- When the change happened (the CloudEvents time) and when it was written.
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_outbox PRIMARY KEY (id)
);
CREATE INDEX ix_outbox_subject ON outbox (subject, created_at);

-- One delivery per subscription and outbox entry. next_attempt_at is also the claim: a worker that takes
-- a row moves it ahead by a lease, so no other worker sends the same attempt meanwhile.
CREATE TABLE webhook_delivery (
    id              VARCHAR(36)    NOT NULL,
    subscription_id VARCHAR(36)    NOT NULL,
    outbox_id       VARCHAR(36)    NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    attempts        INTEGER        NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_webhook_delivery PRIMARY KEY (id),
    CONSTRAINT uq_webhook_delivery UNIQUE (subscription_id, outbox_id)
);
CREATE INDEX ix_webhook_delivery_subscription ON webhook_delivery (subscription_id, created_at);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);

-- Enforcement commands for the trading platform, pulled in seq order and acknowledged once. A command's
-- seq is the counter's next value, taken under the counter row's lock, which is held to the commit: seqs
-- become visible in order, so a platform that has read up to N never misses a smaller seq committed later.
CREATE TABLE platform_command_counter (
    name            VARCHAR(32)    NOT NULL,
    last_seq        BIGINT         NOT NULL,
    CONSTRAINT pk_platform_command_counter PRIMARY KEY (name)
);
INSERT INTO platform_command_counter (name, last_seq) VALUES ('platform_command', 0);

CREATE TABLE platform_command (
    seq             BIGINT         NOT NULL,
    challenge_id    VARCHAR(36)    NOT NULL,
    -- The challenge's plan: a platform key limited to some plans sees only their commands.
    plan_code       VARCHAR(64)    NOT NULL,
    command         VARCHAR(32)    NOT NULL,
    until_at        TIMESTAMP WITH TIME ZONE,
    reason          VARCHAR(64)    NOT NULL,
    outbox_id       VARCHAR(36)    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by VARCHAR(200),
    CONSTRAINT pk_platform_command PRIMARY KEY (seq)
);
CREATE INDEX ix_platform_command_open ON platform_command (acknowledged_at, seq);
