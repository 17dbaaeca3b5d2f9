-- Centralized quarantine sites (集中隔离点 / 健康驿站): sites, rooms, working groups, transfer orders, stays, release
-- sampling, staff and care requests. Risk persons and persons are referred to by id (owned by control and person).

CREATE TABLE quarantine_site (
    id           bigserial PRIMARY KEY,
    name         text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('HOTEL', 'STATION', 'OTHER')),
    town_code    text        COLLATE "C" NOT NULL,
    address      text        NOT NULL,
    operator     text,
    head_name    text,
    head_phone   text,
    zones        text,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL
);
CREATE UNIQUE INDEX quarantine_site_name ON quarantine_site (name);
CREATE INDEX quarantine_site_town ON quarantine_site (town_code);

CREATE TABLE quarantine_room (
    id           bigserial PRIMARY KEY,
    site_id      bigint  NOT NULL REFERENCES quarantine_site (id),
    number       text    NOT NULL,
    building     text,
    floor        integer,
    beds         integer NOT NULL CHECK (beds BETWEEN 1 AND 12),
    kind         text    NOT NULL CHECK (kind IN ('SINGLE', 'MULTI', 'ACCESSIBLE')),
    state        text    NOT NULL DEFAULT 'FREE' CHECK (state IN ('FREE', 'OCCUPIED', 'DISINFECTION', 'OUT_OF_SERVICE')),
    occupants    integer NOT NULL DEFAULT 0,
    -- the group sharing the room (a household, or a person and their carer): nobody else joins it
    party        text,
    CHECK (occupants >= 0 AND occupants <= beds),
    CHECK (kind <> 'SINGLE' OR beds = 1),
    UNIQUE (site_id, number)
);

CREATE TABLE quarantine_site_group (
    site_id      bigint NOT NULL REFERENCES quarantine_site (id),
    kind         text   NOT NULL,
    leader_name  text   NOT NULL,
    leader_phone text,
    PRIMARY KEY (site_id, kind)
);

CREATE TABLE quarantine_transfer (
    id             bigserial PRIMARY KEY,
    risk_person_id bigint      NOT NULL,
    person_id      bigint      NOT NULL,
    region_code    text        COLLATE "C" NOT NULL,
    state          text        NOT NULL CHECK (state IN ('PENDING', 'ADMITTED', 'CANCELLED')),
    measure_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL,
    due_at         timestamptz NOT NULL,
    site_id        bigint REFERENCES quarantine_site (id),
    vehicle        text,
    escort         text,
    ended_at       timestamptz,
    ended_by       text,
    end_reason     text,
    UNIQUE (risk_person_id, measure_at)
);
-- one open transfer per risk person
CREATE UNIQUE INDEX quarantine_transfer_pending ON quarantine_transfer (risk_person_id) WHERE state = 'PENDING';
CREATE INDEX quarantine_transfer_region ON quarantine_transfer (region_code, state);

CREATE TABLE quarantine_stay (
    id                  bigserial PRIMARY KEY,
    transfer_id         bigint      REFERENCES quarantine_transfer (id),
    risk_person_id      bigint      NOT NULL,
    person_id           bigint      NOT NULL,
    region_code         text        COLLATE "C" NOT NULL,
    site_id             bigint      NOT NULL REFERENCES quarantine_site (id),
    room_id             bigint      NOT NULL REFERENCES quarantine_room (id),
    state               text        NOT NULL CHECK (state IN ('IN', 'RELEASED', 'TO_HOSPITAL')),
    admitted_at         timestamptz NOT NULL,
    admitted_by         text        NOT NULL,
    planned_release_on  date,
    ended_at            timestamptz,
    ended_by            text,
    handed_over         boolean
);
CREATE UNIQUE INDEX quarantine_stay_in ON quarantine_stay (risk_person_id) WHERE state = 'IN';
CREATE INDEX quarantine_stay_site ON quarantine_stay (site_id, state);

CREATE TABLE quarantine_sample (
    stay_id      bigint      NOT NULL REFERENCES quarantine_stay (id),
    kind         text        NOT NULL CHECK (kind IN ('PERSON', 'OBJECTS', 'ROOM')),
    result       text        NOT NULL CHECK (result IN ('NEGATIVE', 'POSITIVE')),
    sampled_on   date        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL,
    PRIMARY KEY (stay_id, kind)
);

CREATE TABLE quarantine_staff (
    id           bigserial PRIMARY KEY,
    site_id      bigint      NOT NULL REFERENCES quarantine_site (id),
    name         text        NOT NULL,
    team         text        NOT NULL,
    ppe_level    integer     NOT NULL CHECK (ppe_level BETWEEN 1 AND 3),
    shift_from   date,
    shift_until  date,
    last_test_on date,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL
);
CREATE INDEX quarantine_staff_site ON quarantine_staff (site_id) WHERE active;

CREATE TABLE quarantine_care_request (
    id           bigserial PRIMARY KEY,
    stay_id      bigint      NOT NULL REFERENCES quarantine_stay (id),
    site_id      bigint      NOT NULL REFERENCES quarantine_site (id),
    kind         text        NOT NULL CHECK (kind IN ('MEALS', 'MEDICINE', 'PSYCHOLOGICAL', 'OTHER')),
    note         text,
    state        text        NOT NULL CHECK (state IN ('OPEN', 'DONE')),
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    closed_at    timestamptz,
    closed_by    text,
    outcome      text
);
CREATE INDEX quarantine_care_site ON quarantine_care_request (site_id, state);
