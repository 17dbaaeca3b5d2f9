-- An uploaded list holds personal data: its file is stored encrypted (AES-GCM with the personal-data key, like
-- identity numbers) and deleted after the retention period (gridguard.uploads.retention); the list, its counts and
-- its rejections stay. Files stored before this change are encrypted by the retention job.
ALTER TABLE control_push_list ADD COLUMN content_encrypted boolean NOT NULL DEFAULT false;
ALTER TABLE control_push_list ALTER COLUMN content DROP NOT NULL;
ALTER TABLE control_push_list ADD COLUMN content_deleted_at timestamptz;
