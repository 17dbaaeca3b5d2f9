-- Case investigations (流调): a case, the proposed contacts with their provenance (co-present at a venue, household,
-- second degree through a close contact), the epidemiologist's classification with the rule that made it, and the
-- venue-level notices that stand in for door-to-door work at very crowded venues.

CREATE TABLE tracing_investigation (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	case_person_id bigint       NOT NULL,
	case_region    varchar(15) COLLATE "C",
	trigger        varchar(20)  NOT NULL CHECK (trigger IN ('POSITIVE_RESULT', 'MANUAL')),
	result_id      bigint,
	onset_date     date         NOT NULL,
	window_from    timestamptz  NOT NULL,
	window_to      timestamptz  NOT NULL,
	state          varchar(10)  NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
	rule_version   varchar(60)  NOT NULL,
	parent_id      bigint REFERENCES tracing_investigation (id),
	opened_at      timestamptz  NOT NULL,
	opened_by      varchar(60)  NOT NULL,
	closed_at      timestamptz,
	note           text
);
CREATE UNIQUE INDEX tracing_investigation_open_idx ON tracing_investigation (case_person_id) WHERE state = 'OPEN';

CREATE TABLE tracing_candidate (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	investigation_id bigint       NOT NULL REFERENCES tracing_investigation (id),
	person_id        bigint       NOT NULL,
	source           varchar(20)  NOT NULL CHECK (source IN ('VENUE', 'HOUSEHOLD', 'SECOND_DEGREE', 'MANUAL')),
	venue_id         bigint,
	overlap_start    timestamptz,
	overlap_end      timestamptz,
	via_person_id    bigint,
	region_code      varchar(15) COLLATE "C",
	classification   varchar(20)  NOT NULL CHECK (classification IN ('PROPOSED', 'CLOSE_CONTACT', 'SECONDARY_CONTACT',
		'GENERAL_CONTACT', 'NOTICE', 'EXCLUDED')),
	rule             varchar(300),
	classified_by    varchar(60),
	classified_at    timestamptz,
	confirmed_at     timestamptz,
	CONSTRAINT tracing_candidate_unique UNIQUE (investigation_id, person_id)
);
CREATE INDEX tracing_candidate_venue_idx ON tracing_candidate (investigation_id, venue_id);
CREATE INDEX tracing_candidate_person_idx ON tracing_candidate (person_id);
CREATE INDEX tracing_candidate_region_idx ON tracing_candidate (region_code);

CREATE TABLE tracing_venue_notice (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	investigation_id bigint       NOT NULL REFERENCES tracing_investigation (id),
	venue_id         bigint       NOT NULL,
	window_from      timestamptz  NOT NULL,
	window_to        timestamptz  NOT NULL,
	persons          int          NOT NULL,
	text             text         NOT NULL,
	issued_at        timestamptz  NOT NULL,
	issued_by        varchar(60)  NOT NULL
);
