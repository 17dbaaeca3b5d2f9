-- Inspections of key places (督查检查) and their rectification orders (整改 → 复查). Venues, persons and accounts are
-- referred to by id or name (owned by venue, person and account); a venue's region, sector and category are copied
-- onto the inspection and its orders so that lists filter without asking the venue module.

-- One checklist per target: a venue category (VenueCategory name) or GRID.
CREATE TABLE inspection_checklist (
    id          bigserial PRIMARY KEY,
    target      text NOT NULL UNIQUE
);

-- An item's label is a message key ('#inspection.item.SCAN_CODE') for the standard items, or the admin's own text.
CREATE TABLE inspection_checklist_item (
    id            bigserial PRIMARY KEY,
    checklist_id  bigint  NOT NULL REFERENCES inspection_checklist (id),
    code          text    NOT NULL,
    label         text    NOT NULL,
    severity      text    NOT NULL CHECK (severity IN ('MINOR', 'MAJOR', 'CRITICAL')),
    position      integer NOT NULL,
    active        boolean NOT NULL DEFAULT true,
    UNIQUE (checklist_id, code)
);

CREATE TABLE inspection (
    id            bigserial PRIMARY KEY,
    venue_id      bigint      NOT NULL,
    venue_name    text        NOT NULL,
    venue_code    text,
    category      text        NOT NULL,
    sector        text        NOT NULL,
    region_code   text        COLLATE "C" NOT NULL,
    inspector     text        NOT NULL,
    inspected_at  timestamptz NOT NULL,
    passed        integer     NOT NULL,
    failed        integer     NOT NULL,
    -- the rectification order this visit re-inspected, when it was a re-inspection
    reinspects    bigint
);
CREATE INDEX inspection_venue_idx ON inspection (venue_id, inspected_at DESC);
CREATE INDEX inspection_region_idx ON inspection (region_code, inspected_at DESC);

CREATE TABLE inspection_result (
    inspection_id bigint  NOT NULL REFERENCES inspection (id),
    item_code     text    NOT NULL,
    label         text    NOT NULL,
    severity      text    NOT NULL,
    passed        boolean NOT NULL,
    note          text,
    PRIMARY KEY (inspection_id, item_code)
);

-- OPEN until a re-inspection passes (CLOSED). Evidence marks an open order as awaiting re-inspection; a failed
-- re-inspection clears it, sets a new deadline and counts a reopening. Overdue = OPEN, no evidence, past due.
CREATE TABLE inspection_order (
    id                 bigserial PRIMARY KEY,
    inspection_id      bigint      NOT NULL REFERENCES inspection (id),
    venue_id           bigint      NOT NULL,
    venue_name         text        NOT NULL,
    venue_code         text,
    sector             text        NOT NULL,
    region_code        text        COLLATE "C" NOT NULL,
    item_code          text        NOT NULL,
    label              text        NOT NULL,
    severity           text        NOT NULL,
    note               text,
    responsible_person text        NOT NULL,
    responsible_phone  text,
    state              text        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'CLOSED')),
    opened_at          timestamptz NOT NULL,
    due_at             timestamptz NOT NULL,
    evidence_note      text,
    evidence_at        timestamptz,
    evidence_by        text,
    reopened           integer     NOT NULL DEFAULT 0,
    closed_at          timestamptz,
    closed_by          text,
    -- 0 none, 1 department and town told, 2 the city command told as well
    escalation         integer     NOT NULL DEFAULT 0
);
CREATE INDEX inspection_order_region_idx ON inspection_order (region_code, id);
CREATE INDEX inspection_order_open_idx ON inspection_order (due_at) WHERE state = 'OPEN';
CREATE INDEX inspection_order_venue_idx ON inspection_order (venue_id);

-- Photos of an inspection's items and of an order's evidence. The bytes live in files under the data directory
-- (encrypted with the personal-data key: people are in the pictures); the row holds what describes them.
CREATE TABLE inspection_photo (
    id            bigserial PRIMARY KEY,
    inspection_id bigint      REFERENCES inspection (id),
    order_id      bigint      REFERENCES inspection_order (id),
    item_code     text,
    media_type    text        NOT NULL,
    size          integer     NOT NULL,
    sha256        bytea       NOT NULL,
    file_name     text        NOT NULL UNIQUE,
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL,
    CHECK (inspection_id IS NOT NULL OR order_id IS NOT NULL)
);
CREATE INDEX inspection_photo_inspection_idx ON inspection_photo (inspection_id);
CREATE INDEX inspection_photo_order_idx ON inspection_photo (order_id);

-- Venue staff whose routine test is overdue and who carry the ROUTINE_TEST_OVERDUE status fact from this module.
CREATE TABLE inspection_staff_overdue (
    person_id   bigint      PRIMARY KEY,
    venue_id    bigint      NOT NULL,
    due_on      date,
    since       timestamptz NOT NULL
);

-- The standard checklists.
INSERT INTO inspection_checklist (target)
SELECT t FROM unnest(ARRAY['MALL_SUPERMARKET', 'MARKET', 'MEDICAL', 'TRANSPORT_HUB', 'HOTEL', 'SCHOOL', 'CULTURE_SPORTS',
    'DELIVERY', 'WORKSITE', 'COLD_CHAIN', 'PHARMACY', 'QUARANTINE_SITE', 'CARE_HOME', 'WELFARE_HOME', 'MENTAL_HEALTH',
    'DETENTION', 'GRID']) AS t;

INSERT INTO inspection_checklist_item (checklist_id, code, label, severity, position)
SELECT c.id, i.code, '#inspection.item.' || i.code, i.severity, i.position
FROM inspection_checklist c
CROSS JOIN (VALUES ('SCAN_CODE', 'MAJOR', 10), ('TEMPERATURE', 'MAJOR', 20), ('MASKS', 'MINOR', 30),
    ('ONE_METRE', 'MINOR', 40), ('DISINFECTION_LOG', 'MAJOR', 50), ('STAFF_TESTS', 'MAJOR', 60)) AS i(code, severity, position)
WHERE c.target NOT IN ('GRID', 'QUARANTINE_SITE');

INSERT INTO inspection_checklist_item (checklist_id, code, label, severity, position)
SELECT c.id, i.code, '#inspection.item.' || i.code, i.severity, i.position
FROM inspection_checklist c
CROSS JOIN (VALUES ('CLOSED_MANAGEMENT', 'CRITICAL', 70), ('VISITOR_LOG', 'MAJOR', 80)) AS i(code, severity, position)
WHERE c.target IN ('CARE_HOME', 'WELFARE_HOME', 'MENTAL_HEALTH', 'DETENTION');

INSERT INTO inspection_checklist_item (checklist_id, code, label, severity, position)
SELECT c.id, i.code, '#inspection.item.' || i.code, i.severity, i.position
FROM inspection_checklist c
CROSS JOIN (VALUES ('PRE_TRIAGE', 'CRITICAL', 70)) AS i(code, severity, position)
WHERE c.target = 'MEDICAL';

INSERT INTO inspection_checklist_item (checklist_id, code, label, severity, position)
SELECT c.id, i.code, '#inspection.item.' || i.code, i.severity, i.position
FROM inspection_checklist c
CROSS JOIN (VALUES ('CAPACITY', 'MINOR', 70)) AS i(code, severity, position)
WHERE c.target IN ('MALL_SUPERMARKET', 'MARKET', 'HOTEL', 'CULTURE_SPORTS');

INSERT INTO inspection_checklist_item (checklist_id, code, label, severity, position)
SELECT c.id, i.code, '#inspection.item.' || i.code, i.severity, i.position
FROM inspection_checklist c
CROSS JOIN (VALUES ('THREE_ZONES', 'CRITICAL', 10), ('PROTECTIVE_GEAR', 'MAJOR', 20), ('DISINFECTION_LOG', 'MAJOR', 30),
    ('STAFF_TESTS', 'MAJOR', 40), ('HEALTH_CHECKS', 'MAJOR', 50)) AS i(code, severity, position)
WHERE c.target = 'QUARANTINE_SITE';

INSERT INTO inspection_checklist_item (checklist_id, code, label, severity, position)
SELECT c.id, i.code, '#inspection.item.' || i.code, i.severity, i.position
FROM inspection_checklist c
CROSS JOIN (VALUES ('GRID_LEDGER', 'MAJOR', 10), ('DOOR_VISITS', 'MAJOR', 20), ('NOTICES_POSTED', 'MINOR', 30))
    AS i(code, severity, position)
WHERE c.target = 'GRID';
