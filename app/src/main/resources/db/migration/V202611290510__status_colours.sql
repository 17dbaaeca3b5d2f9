-- Status colours (red / yellow / green). Other modules assert facts about a person (under isolation, positive
-- test, symptoms, risk-area travel …); an editable rules table gives each kind of fact its colour; a person's colour
-- is the most severe colour among their active facts, green when none. Every change is recorded with the rule and
-- the facts that produced it.

CREATE TABLE status_rule (
	kind        varchar(40) PRIMARY KEY,
	colour      varchar(6)  NOT NULL CHECK (colour IN ('RED', 'YELLOW', 'GREEN')),
	enabled     boolean     NOT NULL DEFAULT true,
	updated_at  timestamptz NOT NULL DEFAULT now(),
	updated_by  varchar(60) NOT NULL DEFAULT 'system'
);
INSERT INTO status_rule (kind, colour) VALUES
	('CONFIRMED_CASE', 'RED'),
	('POSITIVE_TEST', 'RED'),
	('CENTRAL_ISOLATION', 'RED'),
	('HOME_ISOLATION', 'RED'),
	('CLOSE_CONTACT', 'RED'),
	('SECONDARY_CONTACT', 'RED'),
	('HIGH_RISK_AREA', 'RED'),
	('HOME_HEALTH_MONITORING', 'YELLOW'),
	('SPACETIME_COMPANION', 'YELLOW'),
	('MID_RISK_AREA', 'YELLOW'),
	('SYMPTOMS', 'YELLOW'),
	('ROUTINE_TEST_OVERDUE', 'YELLOW'),
	('DAILY_HEALTH_MONITORING', 'GREEN'),
	('LOW_RISK_AREA', 'GREEN'),
	('PROVINCIAL_RED', 'RED'),
	('PROVINCIAL_YELLOW', 'YELLOW'),
	('MANUAL_RED', 'RED'),
	('MANUAL_YELLOW', 'YELLOW');

CREATE TABLE status_fact (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	person_id    bigint       NOT NULL,
	kind         varchar(40)  NOT NULL REFERENCES status_rule (kind),
	source       varchar(80)  NOT NULL,
	detail       varchar(300),
	valid_from   timestamptz  NOT NULL,
	valid_until  timestamptz,
	asserted_at  timestamptz  NOT NULL,
	retracted_at timestamptz,
	CONSTRAINT status_fact_unique UNIQUE (person_id, kind, source)
);
CREATE INDEX status_fact_person_idx ON status_fact (person_id) WHERE retracted_at IS NULL;
CREATE INDEX status_fact_expiry_idx ON status_fact (valid_until) WHERE retracted_at IS NULL AND valid_until IS NOT NULL;

-- only persons whose colour is not green, or was not green before, have a row
CREATE TABLE status_current (
	person_id  bigint PRIMARY KEY,
	colour     varchar(6)  NOT NULL,
	since      timestamptz NOT NULL,
	reasons    text        NOT NULL,
	rule_kind  varchar(40),
	updated_at timestamptz NOT NULL
);
CREATE INDEX status_current_colour_idx ON status_current (colour) WHERE colour <> 'GREEN';

CREATE TABLE status_change (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	person_id   bigint      NOT NULL,
	at          timestamptz NOT NULL,
	from_colour varchar(6)  NOT NULL,
	to_colour   varchar(6)  NOT NULL,
	rule_kind   varchar(40),
	inputs      text        NOT NULL
);
CREATE INDEX status_change_person_idx ON status_change (person_id, at DESC);
