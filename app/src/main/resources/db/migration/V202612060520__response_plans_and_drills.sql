-- Emergency plans (应急预案): one per scenario and title, with the party that owns it; every upload is a new version,
-- kept with its bytes (plans are no personal data).
CREATE TABLE response_plan (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	scenario       varchar(30)  NOT NULL,
	title          varchar(200) NOT NULL,
	owner_kind     varchar(12)  NOT NULL CHECK (owner_kind IN ('COMMAND', 'TOWN', 'DEPARTMENT')),
	owner_ref      varchar(30),
	owner_contact  varchar(50),
	latest_version int          NOT NULL DEFAULT 0,
	created_at     timestamptz  NOT NULL,
	created_by     varchar(100) NOT NULL,
	updated_at     timestamptz  NOT NULL
);

CREATE TABLE response_plan_version (
	plan_id     bigint       NOT NULL REFERENCES response_plan (id),
	version     int          NOT NULL CHECK (version > 0),
	filename    varchar(200) NOT NULL,
	media_type  varchar(100) NOT NULL,
	size_bytes  int          NOT NULL,
	sha256      bytea        NOT NULL,
	content     bytea        NOT NULL,
	note        varchar(500),
	uploaded_at timestamptz  NOT NULL,
	uploaded_by varchar(100) NOT NULL,
	PRIMARY KEY (plan_id, version)
);

-- Drills (演练): when, which scenario (and plan version) was exercised, who took part, what was found.
CREATE TABLE response_drill (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	held_on      date          NOT NULL,
	scenario     varchar(30)   NOT NULL,
	title        varchar(200)  NOT NULL,
	plan_id      bigint REFERENCES response_plan (id),
	plan_version int,
	participants varchar(2000) NOT NULL,
	findings     varchar(4000),
	recorded_at  timestamptz   NOT NULL,
	recorded_by  varchar(100)  NOT NULL
);
CREATE INDEX response_drill_held ON response_drill (held_on DESC, id DESC);

-- Follow-up actions of a drill, each with its owner and deadline, tracked to closure. escalation: 0 not overdue
-- yet, 1 the owner was told it is overdue, 2 the city command was told too.
CREATE TABLE response_follow_up (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	drill_id      bigint       NOT NULL REFERENCES response_drill (id),
	action        varchar(500) NOT NULL,
	owner_kind    varchar(12)  NOT NULL CHECK (owner_kind IN ('COMMAND', 'TOWN', 'DEPARTMENT')),
	owner_ref     varchar(30),
	owner_contact varchar(50),
	due_on        date         NOT NULL,
	state         varchar(6)   NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'DONE')),
	escalation    smallint     NOT NULL DEFAULT 0 CHECK (escalation BETWEEN 0 AND 2),
	created_at    timestamptz  NOT NULL,
	created_by    varchar(100) NOT NULL,
	closed_at     timestamptz,
	closed_by     varchar(100),
	closing_note  varchar(500)
);
CREATE INDEX response_follow_up_drill ON response_follow_up (drill_id, id);
CREATE INDEX response_follow_up_open ON response_follow_up (due_on) WHERE state = 'OPEN';
