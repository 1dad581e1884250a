-- Surveillance across accounts (DESIGN 3d): the address a trade was opened from, the addresses traders
-- signed in from (kept for tradesense.surveillance.address-retention-days), and the traders staff linked
-- (a household, a company) so that their accounts count as one party's.
ALTER TABLE trade ADD COLUMN client_ip VARCHAR(64);
-- The surveillance job reads one day's trades: opened in it, or still open during it.
CREATE INDEX ix_trade_opened ON trade (opened_at);
CREATE INDEX ix_trade_open ON trade (closed_at, opened_at);

CREATE TABLE sign_in_address (
    id              VARCHAR(36)    NOT NULL,
    trader_id       VARCHAR(128)   NOT NULL,
    address         VARCHAR(64)    NOT NULL,
    signed_in_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sign_in_address PRIMARY KEY (id)
);
CREATE INDEX ix_sign_in_address_at ON sign_in_address (signed_in_at);

-- One row per unordered pair: trader_a is the smaller id.
CREATE TABLE trader_link (
    id              VARCHAR(36)    NOT NULL,
    trader_a        VARCHAR(128)   NOT NULL,
    trader_b        VARCHAR(128)   NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    note            VARCHAR(1000),
    linked_by       VARCHAR(128)   NOT NULL,
    linked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_trader_link PRIMARY KEY (id),
    CONSTRAINT uq_trader_link UNIQUE (trader_a, trader_b),
    CONSTRAINT ck_trader_link_order CHECK (trader_a < trader_b)
);

-- A surveillance finding's evidence (accounts, trades, times) is larger than other alerts' figures.
ALTER TABLE alert ALTER COLUMN data SET DATA TYPE VARCHAR(100000);
