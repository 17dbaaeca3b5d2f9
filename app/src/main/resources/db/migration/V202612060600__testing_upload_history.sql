-- Files of test results are imported like push lists: stored first (encrypted), imported in the background with
-- progress, and listed afterwards as a history with their counts. The file itself is deleted after the retention
-- period (gridguard.uploads.retention); the row, its counts and its refused rows stay.
ALTER TABLE testing_upload ALTER COLUMN content DROP NOT NULL;
ALTER TABLE testing_upload
	ADD COLUMN state              varchar(10) NOT NULL DEFAULT 'DONE' CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
	ADD COLUMN total              int         NOT NULL DEFAULT 0,
	ADD COLUMN processed          int         NOT NULL DEFAULT 0,
	ADD COLUMN accepted           int         NOT NULL DEFAULT 0,
	ADD COLUMN rejected           int         NOT NULL DEFAULT 0,
	ADD COLUMN failure            text,
	ADD COLUMN encoding_note      varchar(200),
	ADD COLUMN attempts           int         NOT NULL DEFAULT 0,
	ADD COLUMN finished_at        timestamptz,
	ADD COLUMN content_deleted_at timestamptz;

-- files kept before this change were imported while their uploader waited and kept only when rows were refused:
-- their refused rows are known, their accepted ones were not counted
UPDATE testing_upload u
SET rejected = (SELECT count(DISTINCT r.row_no) FROM testing_upload_rejection r WHERE r.upload_id = u.id),
	finished_at = u.uploaded_at;

CREATE INDEX testing_upload_uploader_idx ON testing_upload (uploaded_by, id);
