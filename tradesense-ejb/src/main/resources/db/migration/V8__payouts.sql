-- The payout ledger (docs/rules.md §20): one row per request, from PENDING to PAID or REJECTED. Money is
-- exact; the shares are filled when the payout is paid, with the split that applied then.
CREATE TABLE payout_request (
    id                 VARCHAR(36)    NOT NULL,
    challenge_id       VARCHAR(36)    NOT NULL,
    trader_id          VARCHAR(128)   NOT NULL,
    plan_code          VARCHAR(64)    NOT NULL,
    plan_version       INTEGER        NOT NULL,
    currency           VARCHAR(3)     NOT NULL,
    amount             NUMERIC(30, 10) NOT NULL,
    trader_share       NUMERIC(30, 10),
    firm_share         NUMERIC(30, 10),
    status             VARCHAR(16)    NOT NULL,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by       VARCHAR(128)   NOT NULL,
    first_approved_at  TIMESTAMP WITH TIME ZONE,
    first_approved_by  VARCHAR(128),
    decided_at         TIMESTAMP WITH TIME ZONE,
    decided_by         VARCHAR(128),
    reason             VARCHAR(500),
    paid_at            TIMESTAMP WITH TIME ZONE,
    -- The challenge while the request is PENDING, null once decided: unique, so one request waits per
    -- challenge whatever the application does (a partial index would say it too, but H2 has none).
    pending_challenge_id VARCHAR(36),
    CONSTRAINT pk_payout_request PRIMARY KEY (id),
    CONSTRAINT fk_payout_request_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id)
);
CREATE INDEX ix_payout_request_challenge ON payout_request (challenge_id, requested_at);
CREATE INDEX ix_payout_request_trader ON payout_request (trader_id, requested_at);
CREATE INDEX ix_payout_request_status ON payout_request (status, requested_at);
CREATE UNIQUE INDEX ux_payout_request_pending ON payout_request (pending_challenge_id);
