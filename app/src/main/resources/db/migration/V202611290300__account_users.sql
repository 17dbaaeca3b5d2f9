-- Accounts: one role each, bound to one node of the region tree (and for some roles to a sector, venue or site);
-- API tokens issued by an administrator to client systems. Only hashes of passwords and tokens are stored.

CREATE TABLE account_user (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	username        varchar(60)  NOT NULL UNIQUE,
	password_hash   varchar(200) NOT NULL,
	display_name    varchar(60)  NOT NULL,
	phone           varchar(20),
	role            varchar(30)  NOT NULL,
	region_code     varchar(15) COLLATE "C" NOT NULL,
	sector          varchar(30),
	venue_id        bigint,
	site_id         bigint,
	enabled         boolean      NOT NULL DEFAULT true,
	demo            boolean      NOT NULL DEFAULT false,
	failed_attempts int          NOT NULL DEFAULT 0,
	locked_until    timestamptz,
	created_at      timestamptz  NOT NULL,
	created_by      varchar(60)  NOT NULL,
	last_login_at   timestamptz,
	password_changed_at timestamptz
);
CREATE INDEX account_user_region_idx ON account_user (region_code);

CREATE TABLE account_api_token (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_id      bigint       NOT NULL REFERENCES account_user (id),
	name         varchar(100) NOT NULL,
	token_hash   bytea        NOT NULL UNIQUE,
	token_prefix varchar(16)  NOT NULL,
	created_at   timestamptz  NOT NULL,
	created_by   varchar(60)  NOT NULL,
	expires_at   timestamptz,
	last_used_at timestamptz,
	revoked_at   timestamptz
);
CREATE INDEX account_api_token_user_idx ON account_api_token (user_id);
