-- The uploaded attendee list is kept (encrypted, deleted after the upload retention) so that its refused rows can be
-- given back as a corrections file.
ALTER TABLE gathering_attendee_import
	ADD COLUMN content            bytea,
	ADD COLUMN content_deleted_at timestamptz;
