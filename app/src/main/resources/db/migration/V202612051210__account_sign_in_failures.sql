-- Failed sign-ins are counted per name and source (client address, an IPv6 client by its /64 network), so that
-- failures from one place pause sign-in from that place only and nobody can lock an account out from elsewhere.
-- A name need not belong to an account: unknown names are counted like known ones, so that the answers do not tell
-- which names exist. The account-wide counter and lock are gone.

CREATE TABLE account_sign_in_failure (
	username        varchar(100) NOT NULL,
	source          varchar(64)  NOT NULL,
	failures        int          NOT NULL,
	last_failure_at timestamptz  NOT NULL,
	locked_until    timestamptz,
	PRIMARY KEY (username, source)
);
CREATE INDEX account_sign_in_failure_last_idx ON account_sign_in_failure (last_failure_at);

ALTER TABLE account_user DROP COLUMN failed_attempts, DROP COLUMN locked_until;
