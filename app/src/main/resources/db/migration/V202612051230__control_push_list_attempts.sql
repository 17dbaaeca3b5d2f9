-- How often the import of a list was started: a list that stays RUNNING across restarts is given up after a few
-- starts (gridguard.uploads.max-attempts) instead of being started at every start of the server.
ALTER TABLE control_push_list ADD COLUMN attempts int NOT NULL DEFAULT 0;
