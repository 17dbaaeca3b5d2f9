-- Meetings and events (会议活动): organizer units, filings with the tier the response profile gave them, their
-- approval steps with deadlines, the reasons of refusals and attendee checks (message keys with arguments), the
-- attendee lists and their imports. An approved event is also a venue (category EVENT) whose code is the event's code.

CREATE TABLE gathering_organizer (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name          varchar(200) NOT NULL,
	town_code     varchar(15) COLLATE "C" NOT NULL,
	contact_name  varchar(60)  NOT NULL,
	contact_phone varchar(20)  NOT NULL,
	created_at    timestamptz  NOT NULL,
	created_by    varchar(60)  NOT NULL,
	UNIQUE (town_code, name)
);

CREATE TABLE gathering_event (
	id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name               varchar(200) NOT NULL,
	organizer_id       bigint REFERENCES gathering_organizer (id),
	organizer          varchar(200) NOT NULL,
	responsible_person varchar(60)  NOT NULL,
	responsible_phone  varchar(20)  NOT NULL,
	town_code          varchar(15) COLLATE "C" NOT NULL,
	address            varchar(200) NOT NULL,
	sector             varchar(30)  NOT NULL,
	starts_at          timestamptz  NOT NULL,
	ends_at            timestamptz  NOT NULL,
	expected_headcount int          NOT NULL,
	indoor             boolean      NOT NULL,
	why_not_online     varchar(1000) NOT NULL,
	state              varchar(20)  NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REFUSED', 'REJECTED', 'CANCELLED')),
	tier               varchar(20)  NOT NULL,
	response_level     varchar(10)  NOT NULL,
	rule_inputs        varchar(300) NOT NULL,
	decided_at         timestamptz,
	venue_id           bigint,
	code               varchar(20),
	plan_filename      varchar(200),
	plan_media_type    varchar(100),
	plan_content       bytea,
	plan_sha256        bytea,
	filed_at           timestamptz  NOT NULL,
	filed_by           varchar(60)  NOT NULL,
	CHECK (ends_at > starts_at)
);
CREATE INDEX gathering_event_town_idx ON gathering_event (town_code, starts_at);
CREATE INDEX gathering_event_state_idx ON gathering_event (state, starts_at);
CREATE INDEX gathering_event_organizer_idx ON gathering_event (organizer_id);

CREATE TABLE gathering_step (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	event_id     bigint       NOT NULL REFERENCES gathering_event (id),
	position     int          NOT NULL,
	kind         varchar(30)  NOT NULL,
	audience     varchar(60)  NOT NULL,
	region_code  varchar(15) COLLATE "C" NOT NULL,
	state        varchar(20)  NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
	due_at       timestamptz  NOT NULL,
	escalated_at timestamptz,
	decided_at   timestamptz,
	decided_by   varchar(60),
	note         varchar(500),
	UNIQUE (event_id, position)
);
CREATE INDEX gathering_step_pending_idx ON gathering_step (due_at) WHERE state = 'PENDING';

-- Reasons of an event's refusal or rejection (subject EVENT) and of an attendee's exclusion (subject ATTENDEE): a
-- message key and its arguments (an argument starting with '#' is a message key itself), in the reader's language.
CREATE TABLE gathering_reason (
	subject     varchar(10)  NOT NULL CHECK (subject IN ('EVENT', 'ATTENDEE')),
	subject_id  bigint       NOT NULL,
	position    int          NOT NULL,
	message_key varchar(100) NOT NULL,
	args        text[]       NOT NULL DEFAULT '{}',
	health      boolean      NOT NULL DEFAULT false,
	PRIMARY KEY (subject, subject_id, position)
);

CREATE TABLE gathering_attendee (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	event_id   bigint       NOT NULL REFERENCES gathering_event (id),
	person_id  bigint       NOT NULL,
	travel     varchar(200),
	verdict    varchar(10)  NOT NULL CHECK (verdict IN ('ADMIT', 'EXCLUDE')),
	colour     varchar(10)  NOT NULL,
	checked_at timestamptz  NOT NULL,
	UNIQUE (event_id, person_id)
);

CREATE TABLE gathering_attendee_import (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	event_id    bigint       NOT NULL REFERENCES gathering_event (id),
	filename    varchar(200) NOT NULL,
	total       int          NOT NULL,
	accepted    int          NOT NULL,
	rejected    int          NOT NULL,
	imported_at timestamptz  NOT NULL,
	imported_by varchar(60)  NOT NULL
);

CREATE TABLE gathering_attendee_rejection (
	import_id bigint       NOT NULL REFERENCES gathering_attendee_import (id),
	row_no    int          NOT NULL,
	field     varchar(30)  NOT NULL,
	message   varchar(300) NOT NULL
);
CREATE INDEX gathering_attendee_rejection_idx ON gathering_attendee_rejection (import_id, row_no);
