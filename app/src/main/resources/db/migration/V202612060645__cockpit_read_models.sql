-- Read models of the command cockpit, fed by the other modules' events and by the check-in feed. Each can be
-- rebuilt from its source: check-in counts from the check-in table, positives from the test results.

-- Check-ins per day (city time) and venue. A count is the stored check-ins of that venue with arrival on that day;
-- the region is the venue's (grid, village or town) when first counted. No personal data.
CREATE TABLE cockpit_checkin_day (
	day          date        NOT NULL,
	venue_id     bigint      NOT NULL,
	region_code  varchar(15) COLLATE "C" NOT NULL,
	checkins     bigint      NOT NULL,
	PRIMARY KEY (day, venue_id)
);
CREATE INDEX cockpit_checkin_day_region_idx ON cockpit_checkin_day (day, region_code);

-- Whether the counts held in memory were all written before the last stop: a stop without it (a crash) makes the
-- next start count the retained days again from the check-ins.
CREATE TABLE cockpit_counter_state (
	name        varchar(40) PRIMARY KEY,
	clean       boolean     NOT NULL,
	changed_at  timestamptz NOT NULL
);

-- Single (not pooled) positive results, by the day they were received and the region the person lives in (the city
-- for persons living elsewhere). One row per result, whatever the order or number of times it is announced.
CREATE TABLE cockpit_positive (
	result_id    bigint      PRIMARY KEY,
	person_id    bigint      NOT NULL,
	region_code  varchar(15) COLLATE "C" NOT NULL,
	sampled_at   timestamptz NOT NULL,
	received_at  timestamptz NOT NULL,
	day          date        NOT NULL
);
CREATE INDEX cockpit_positive_day_idx ON cockpit_positive (day, region_code);

-- Red or isolated persons scanned at a venue (the venue module's alerts), by the venue's region.
CREATE TABLE cockpit_venue_alert (
	id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	person_id    bigint      NOT NULL,
	venue_id     bigint      NOT NULL,
	venue_name   varchar(200) NOT NULL,
	region_code  varchar(15) COLLATE "C" NOT NULL,
	at           timestamptz NOT NULL,
	day          date        NOT NULL,
	colour       varchar(10) NOT NULL,
	CONSTRAINT cockpit_venue_alert_once UNIQUE (person_id, venue_id, at)
);
CREATE INDEX cockpit_venue_alert_day_idx ON cockpit_venue_alert (day, region_code);
CREATE INDEX cockpit_venue_alert_at_idx ON cockpit_venue_alert (at DESC);

-- The daily reports (日报): the standard tables by town as XLSX and as PDF. One scheduled report per day; reports
-- generated on demand are kept beside it.
CREATE TABLE cockpit_report (
	id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	day           date        NOT NULL,
	trigger       varchar(10) NOT NULL CHECK (trigger IN ('SCHEDULED', 'MANUAL')),
	generated_at  timestamptz NOT NULL,
	generated_by  varchar(100) NOT NULL,
	xlsx          bytea       NOT NULL,
	pdf           bytea       NOT NULL
);
CREATE UNIQUE INDEX cockpit_report_scheduled_idx ON cockpit_report (day) WHERE trigger = 'SCHEDULED';
CREATE INDEX cockpit_report_day_idx ON cockpit_report (day DESC, id DESC);
