-- Public notices (通告): drafted, submitted, approved and published with the next number of the year (〔2026〕6号),
-- listing risk areas (a copy of the venue module's list as drafted) and measures; withdrawn, or superseded by a later
-- notice. Numbers come from one counter row per year, taken in the publishing transaction: a publication that rolls
-- back gives its number back, and concurrent publications queue on the row, so numbers have no gaps and no duplicates.

CREATE TABLE notice (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state           varchar(10)  NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'WITHDRAWN',
                                                           'DISCARDED')),
    title           varchar(100) NOT NULL,
    body            text         NOT NULL,
    -- null while drafted: from the moment of publication
    effective_from  timestamptz,
    effective_until timestamptz,
    -- a notice drafted from an investigation's venue notice (tracing) names the venue (venue)
    venue_id        bigint,
    venue_notice_id bigint,
    supersedes_id   bigint REFERENCES notice (id),
    drafted_at      timestamptz  NOT NULL,
    drafted_by      varchar(100) NOT NULL,
    updated_at      timestamptz  NOT NULL,
    updated_by      varchar(100) NOT NULL,
    submitted_at    timestamptz,
    submitted_by    varchar(100),
    returned_at     timestamptz,
    returned_by     varchar(100),
    return_reason   varchar(300),
    approved_at     timestamptz,
    approved_by     varchar(100),
    year            integer,
    seq             integer,
    number          varchar(120),
    issuer          varchar(100),
    published_at    timestamptz,
    published_by    varchar(100),
    withdrawn_at    timestamptz,
    withdrawn_by    varchar(100),
    withdraw_reason varchar(300),
    superseded_by   bigint REFERENCES notice (id),
    CONSTRAINT notice_number_unique UNIQUE (year, seq),
    CONSTRAINT notice_numbered_when_published CHECK ((state IN ('PUBLISHED', 'WITHDRAWN')) = (seq IS NOT NULL)),
    CONSTRAINT notice_effective_order CHECK (effective_until IS NULL OR effective_from IS NULL
                                             OR effective_until > effective_from)
);
CREATE INDEX notice_state_idx ON notice (state, published_at DESC);
-- one live public notice per venue notice of an investigation
CREATE UNIQUE INDEX notice_venue_notice_idx ON notice (venue_notice_id) WHERE state <> 'DISCARDED';

CREATE TABLE notice_risk_area (
    notice_id bigint       NOT NULL REFERENCES notice (id),
    position  integer      NOT NULL,
    area_id   bigint       NOT NULL,
    name      varchar(100) NOT NULL,
    level     varchar(4)   NOT NULL CHECK (level IN ('HIGH', 'MID', 'LOW')),
    PRIMARY KEY (notice_id, position)
);

CREATE TABLE notice_number_counter (
    year integer PRIMARY KEY,
    last integer NOT NULL CHECK (last > 0)
);
