-- The firm's economic calendar (DESIGN §3b): releases the news conduct rule judges trades against.
-- Symbols are kept upper case, separated by single spaces. Portable SQL for PostgreSQL and H2.
CREATE TABLE calendar_entry (
    id         VARCHAR(36)    NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    title      VARCHAR(200)   NOT NULL,
    impact     VARCHAR(8)     NOT NULL,
    symbols    VARCHAR(1000)  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_calendar_entry PRIMARY KEY (id)
);
CREATE INDEX ix_calendar_entry_at ON calendar_entry (at);
