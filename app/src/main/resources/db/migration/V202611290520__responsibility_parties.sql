-- Four-party responsibility (属地、部门、单位、个人) of every controlled person, venue, event and quarantine site.
-- One row per subject: the territorial node (grid, village or town), the department (sector), the unit (employer,
-- venue operator, organiser) with its responsible person, and the individual (the person themselves, or a named
-- manager).

CREATE TABLE responsibility_assignment (
	subject_type      varchar(20)  NOT NULL CHECK (subject_type IN ('RISK_PERSON', 'VENUE', 'EVENT', 'SITE')),
	subject_id        bigint       NOT NULL,
	subject_label     varchar(200) NOT NULL,
	territory_code    varchar(15) COLLATE "C" NOT NULL,
	sector            varchar(30),
	unit_name         varchar(200),
	unit_contact      varchar(60),
	unit_phone        varchar(20),
	individual_name   varchar(60),
	individual_phone  varchar(20),
	active            boolean      NOT NULL DEFAULT true,
	updated_at        timestamptz  NOT NULL,
	updated_by        varchar(60)  NOT NULL,
	PRIMARY KEY (subject_type, subject_id)
);
CREATE INDEX responsibility_territory_idx ON responsibility_assignment (territory_code) WHERE active;
CREATE INDEX responsibility_sector_idx ON responsibility_assignment (sector, territory_code) WHERE active;
CREATE INDEX responsibility_unit_idx ON responsibility_assignment (unit_name) WHERE active;
