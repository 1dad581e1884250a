-- People and machines that may use the API. Secrets are stored only as hashes: passwords as salted
-- PBKDF2, refresh tokens and API keys as SHA-256 of a random 256-bit secret.
CREATE TABLE app_user (
    id              VARCHAR(36)    NOT NULL,
    email           VARCHAR(254)   NOT NULL,
    display_name    VARCHAR(100)   NOT NULL,
    password_hash   VARCHAR(512)   NOT NULL,
    roles           VARCHAR(100)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uq_app_user_email UNIQUE (email)
);

CREATE TABLE refresh_token (
    id              VARCHAR(36)    NOT NULL,
    user_id         VARCHAR(36)    NOT NULL,
    token_hash      VARCHAR(64)    NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_refresh_token PRIMARY KEY (id),
    CONSTRAINT uq_refresh_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_refresh_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

CREATE TABLE api_key (
    id              VARCHAR(36)    NOT NULL,
    name            VARCHAR(100)   NOT NULL,
    key_hash        VARCHAR(64)    NOT NULL,
    plan_codes      VARCHAR(2000),
    created_by      VARCHAR(36)    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_key PRIMARY KEY (id)
);
