-- Test results (核酸 NAT and antigen), single or pooled samples. One row per (person, sampling time, kind):
-- the same result posted twice is stored once.

CREATE TABLE testing_result (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	person_id   bigint       NOT NULL,
	sampled_at  timestamptz  NOT NULL,
	kind        varchar(10)  NOT NULL CHECK (kind IN ('NAT', 'ANTIGEN')),
	result      varchar(10)  NOT NULL CHECK (result IN ('POSITIVE', 'NEGATIVE')),
	pooled      boolean      NOT NULL,
	source      varchar(60)  NOT NULL,
	received_at timestamptz  NOT NULL,
	CONSTRAINT testing_result_unique UNIQUE (person_id, sampled_at, kind)
);
CREATE INDEX testing_result_person_idx ON testing_result (person_id, sampled_at);
CREATE INDEX testing_result_positive_idx ON testing_result (received_at) WHERE result = 'POSITIVE';

INSERT INTO status_rule (kind, colour) VALUES ('POOL_POSITIVE', 'YELLOW');
