-- Idempotency keys of check-in batches (POST /api/v1/checkins): a retried batch carrying the key of an earlier one gets
-- that earlier answer and stores nothing twice. A key is scoped to the calling account. Its row is written in the
-- transaction that stores the batch's check-ins, so a batch is stored exactly when its answer is; rows older than the
-- configured time (24 h by default) are deleted.
CREATE TABLE venue_checkin_receipt (
	account          varchar(60)  NOT NULL,
	idempotency_key  varchar(100) NOT NULL,
	-- SHA-256 of the batch's items: a retry must send the same items
	request_hash     bytea        NOT NULL,
	-- the JSON answered the first time
	answer           text         NOT NULL,
	created_at       timestamptz  NOT NULL,
	PRIMARY KEY (account, idempotency_key)
);
CREATE INDEX venue_checkin_receipt_created_idx ON venue_checkin_receipt (created_at);
