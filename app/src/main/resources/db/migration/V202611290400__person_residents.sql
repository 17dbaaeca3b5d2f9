-- Persons known to GridGuard: residents (with a household and a grid) and everyone else who was pushed, scanned
-- or tested. Identity numbers and phones are stored encrypted (AES-GCM) with a keyed hash for exact lookup and a
-- masked form for lists; the plain values never reach the database.

CREATE TABLE person_household (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	grid_code  varchar(15) COLLATE "C" NOT NULL,
	address    varchar(200) NOT NULL,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX person_household_grid_idx ON person_household (grid_code);

CREATE TABLE person (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name           varchar(50) NOT NULL,
	id_type        varchar(24) NOT NULL,
	id_number_enc  bytea       NOT NULL,
	id_number_hash bytea       NOT NULL,
	id_masked      varchar(32) COLLATE "C" NOT NULL,
	phone_enc      bytea,
	phone_hash     bytea,
	phone_masked   varchar(16),
	gender         char(1) CHECK (gender IN ('M', 'F')),
	birth_date     date,
	household_id   bigint REFERENCES person_household (id),
	-- where the person lives: a grid for placed residents, a village or town while unplaced, NULL outside the city
	region_code    varchar(15) COLLATE "C",
	address        varchar(200),
	resident       boolean     NOT NULL,
	source         varchar(30) NOT NULL,
	created_at     timestamptz NOT NULL,
	updated_at     timestamptz NOT NULL,
	CONSTRAINT person_id_unique UNIQUE (id_type, id_number_hash)
);
CREATE INDEX person_region_idx ON person (region_code, name);
CREATE INDEX person_household_idx ON person (household_id);
CREATE INDEX person_phone_idx ON person (phone_hash);
CREATE INDEX person_masked_idx ON person (id_masked);
CREATE INDEX person_name_idx ON person (name COLLATE "C");
