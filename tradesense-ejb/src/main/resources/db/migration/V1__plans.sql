-- Plans are versioned: a change stores a new row with version n+1; running challenges keep theirs.
-- Portable SQL: the same file runs on PostgreSQL and on the embedded H2.
CREATE TABLE plan_version (
    code            VARCHAR(64)    NOT NULL,
    version         INTEGER        NOT NULL,
    name            VARCHAR(200),
    currency        VARCHAR(3)     NOT NULL,
    initial_balance NUMERIC(19, 4) NOT NULL,
    document        VARCHAR(65536) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_plan_version PRIMARY KEY (code, version),
    CONSTRAINT ck_plan_version_positive CHECK (version > 0),
    CONSTRAINT ck_plan_initial_balance CHECK (initial_balance > 0)
);
