-- Venues: key places (重点场所) and special places (特殊场所), their QR codes, staff rosters, closed management,
-- check-ins (场所码扫码), the risk areas a visitor may declare, and sentinel-pharmacy purchases.
-- Venue ids stay below 2^31 so that the tracing index can hold them in int arrays.

CREATE TABLE venue (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY CHECK (id < 2147483648),
	name           varchar(100) NOT NULL,
	category       varchar(30)  NOT NULL,
	-- where the venue lies: a grid, or a village or town when no grid is known
	region_code    varchar(15) COLLATE "C" NOT NULL,
	address        varchar(200) NOT NULL,
	capacity       int CHECK (capacity IS NULL OR capacity > 0),
	sector         varchar(30)  NOT NULL,
	unit_name      varchar(200),
	unit_contact   varchar(60),
	unit_phone     varchar(20),
	manager_name   varchar(60)  NOT NULL,
	manager_phone  varchar(20)  NOT NULL,
	-- OPEN, CLOSED (全封闭: nobody enters but staff on a closed-loop shift), EXIT_ONLY (只出不进)
	closure        varchar(10)  NOT NULL DEFAULT 'OPEN' CHECK (closure IN ('OPEN', 'CLOSED', 'EXIT_ONLY')),
	closure_reason varchar(200),
	closure_since  timestamptz,
	active         boolean      NOT NULL DEFAULT true,
	created_at     timestamptz  NOT NULL,
	created_by     varchar(100) NOT NULL,
	updated_at     timestamptz  NOT NULL
);
CREATE INDEX venue_region_idx ON venue (region_code);
CREATE INDEX venue_sector_idx ON venue (sector, region_code);
CREATE INDEX venue_name_idx ON venue (name);

-- A code is what the venue's QR poster encodes; a venue has at most one active code. Revoked codes are kept so that a
-- scan of an old poster is answered with "revoked" rather than "unknown".
CREATE TABLE venue_code (
	code        varchar(24) COLLATE "C" PRIMARY KEY,
	venue_id    bigint       NOT NULL REFERENCES venue (id),
	issued_at   timestamptz  NOT NULL,
	issued_by   varchar(100) NOT NULL,
	revoked_at  timestamptz,
	revoked_by  varchar(100)
);
CREATE UNIQUE INDEX venue_code_active_idx ON venue_code (venue_id) WHERE revoked_at IS NULL;

-- Staff roster: who works at the venue, their routine test (NAT) frequency comes from the venue's category, and,
-- for special places under closed management, their closed-loop shift.
CREATE TABLE venue_staff (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	venue_id      bigint       NOT NULL REFERENCES venue (id),
	person_id     bigint       NOT NULL,
	name          varchar(50)  NOT NULL,
	id_masked     varchar(32)  NOT NULL,
	phone_masked  varchar(16),
	post          varchar(60),
	last_test_on  date,
	loop_from     date,
	loop_until    date,
	active        boolean      NOT NULL DEFAULT true,
	created_at    timestamptz  NOT NULL,
	CONSTRAINT venue_staff_unique UNIQUE (venue_id, person_id)
);

-- Check-ins, one partition per day in the city's time zone. Partitions are created ahead by a scheduled job and at
-- start, and dropped whole once older than the retention period: this is personal data.
-- "until" is the end of the stay after the default stay and the cap; left_at is what was declared, if anything.
CREATE TABLE venue_check_in (
	at         timestamptz NOT NULL,
	until      timestamptz NOT NULL,
	venue_id   int         NOT NULL,
	person_id  bigint      NOT NULL,
	left_at    timestamptz,
	colour     varchar(6)  NOT NULL,
	admitted   boolean     NOT NULL,
	-- SCAN (own phone), COMPANION (scanned by a companion), DESK (staff by identity number), API (other systems)
	channel    varchar(10) NOT NULL
) PARTITION BY RANGE (at);
CREATE INDEX venue_check_in_venue_idx ON venue_check_in (venue_id, at);
CREATE INDEX venue_check_in_person_idx ON venue_check_in (person_id, at);

-- Risk areas a visitor may declare a stay in (中高风险地区); the city admin keeps the list.
CREATE TABLE venue_risk_area (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name        varchar(100) NOT NULL,
	level       varchar(4)   NOT NULL CHECK (level IN ('HIGH', 'MID', 'LOW')),
	since       date         NOT NULL,
	ended_at    timestamptz,
	created_at  timestamptz  NOT NULL,
	created_by  varchar(100) NOT NULL
);

-- Real-name purchases of fever, cough, cold and antiviral medicine at sentinel pharmacies (零售药店哨点).
CREATE TABLE venue_sentinel_purchase (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	venue_id    bigint       NOT NULL REFERENCES venue (id),
	person_id   bigint       NOT NULL,
	at          timestamptz  NOT NULL,
	medicines   varchar(200) NOT NULL,
	quantity    int          NOT NULL CHECK (quantity > 0),
	fever       boolean      NOT NULL,
	proxy       boolean      NOT NULL,
	recorded_by varchar(100) NOT NULL
);
CREATE INDEX venue_sentinel_purchase_venue_idx ON venue_sentinel_purchase (venue_id, at DESC);
CREATE INDEX venue_sentinel_purchase_at_idx ON venue_sentinel_purchase (at);
