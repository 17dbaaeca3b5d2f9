-- In-app notifications (alerts, escalations, reminders). A notification reaches a named user, or every user of an
-- audience (a role, or DEPARTMENT:<sector>) whose jurisdiction contains the notification's region code.

CREATE TABLE platform_notification (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	created_at  timestamptz  NOT NULL,
	region_code varchar(15) COLLATE "C" NOT NULL,
	audience    varchar(60),
	username    varchar(60),
	severity    varchar(10)  NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'ALERT')),
	title       varchar(200) NOT NULL,
	body        text,
	link        varchar(300),
	source      varchar(60)  NOT NULL,
	dedupe_key  varchar(200) UNIQUE,
	CHECK (audience IS NOT NULL OR username IS NOT NULL)
);
CREATE INDEX platform_notification_audience_idx ON platform_notification (audience, region_code, created_at DESC);
CREATE INDEX platform_notification_user_idx ON platform_notification (username, created_at DESC);

CREATE TABLE platform_notification_read (
	notification_id bigint      NOT NULL REFERENCES platform_notification (id) ON DELETE CASCADE,
	username        varchar(60) NOT NULL,
	read_at         timestamptz NOT NULL,
	PRIMARY KEY (notification_id, username)
);
