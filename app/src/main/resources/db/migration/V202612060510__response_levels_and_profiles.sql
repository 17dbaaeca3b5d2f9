-- The response level's history: every decision of the city admin with the time it takes effect. The level in force
-- at a time is the latest change (by since) that has begun and was not cancelled. The city starts at 常态化.
CREATE TABLE response_level_change (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	level        varchar(6)   NOT NULL CHECK (level IN ('NORMAL', 'IV', 'III', 'II', 'I')),
	since        timestamptz  NOT NULL,
	reason       varchar(500),
	changed_at   timestamptz  NOT NULL,
	changed_by   varchar(100) NOT NULL,
	cancelled_at timestamptz,
	cancelled_by varchar(100)
);
CREATE INDEX response_level_change_since ON response_level_change (since DESC, id DESC);
INSERT INTO response_level_change (level, since, reason, changed_at, changed_by)
VALUES ('NORMAL', now(), NULL, now(), 'system');

-- The city admin's values of the rule profiles, one row per level and setting; a setting without a row has the
-- default its module declares for that level. Values are text in the setting's canonical form.
CREATE TABLE response_profile_value (
	level       varchar(6)   NOT NULL CHECK (level IN ('NORMAL', 'IV', 'III', 'II', 'I')),
	setting_key varchar(120) NOT NULL,
	value       varchar(200) NOT NULL,
	updated_at  timestamptz  NOT NULL,
	updated_by  varchar(100) NOT NULL,
	PRIMARY KEY (level, setting_key)
);
