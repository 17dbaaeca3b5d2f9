-- A lab's file of test results whose import refused rows: kept, encrypted with the personal-data key (it holds
-- identity numbers), so that the refused rows can be given back as a correction file; deleted with its rejections
-- after the retention period (gridguard.uploads.retention).
CREATE TABLE testing_upload (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	filename    varchar(200) NOT NULL,
	content     bytea        NOT NULL,
	uploaded_by varchar(60)  NOT NULL,
	uploaded_at timestamptz  NOT NULL
);
CREATE INDEX testing_upload_uploaded_idx ON testing_upload (uploaded_at);

CREATE TABLE testing_upload_rejection (
	upload_id bigint  NOT NULL REFERENCES testing_upload (id) ON DELETE CASCADE,
	row_no    int     NOT NULL,
	field     varchar(40),
	message   text    NOT NULL
);
CREATE INDEX testing_upload_rejection_idx ON testing_upload_rejection (upload_id, row_no);
