-- Platform: audit log, demo-data bookkeeping, and the event publication registry of Spring Modulith
-- (events between modules are stored in the same transaction as the change that caused them).

CREATE TABLE platform_audit_event (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at           timestamptz NOT NULL,
	actor        varchar(100) NOT NULL,
	action       varchar(60)  NOT NULL,
	subject_type varchar(60),
	subject_id   varchar(100),
	detail       text,
	remote_addr  varchar(64)
);
CREATE INDEX platform_audit_event_at_idx ON platform_audit_event (at DESC);
CREATE INDEX platform_audit_event_actor_idx ON platform_audit_event (actor, at DESC);
CREATE INDEX platform_audit_event_subject_idx ON platform_audit_event (subject_type, subject_id);

CREATE TABLE platform_demo_load (
	key       varchar(100) PRIMARY KEY,
	loaded_at timestamptz NOT NULL,
	millis    bigint NOT NULL
);

CREATE TABLE event_publication (
	id                     uuid NOT NULL PRIMARY KEY,
	listener_id            text NOT NULL,
	event_type             text NOT NULL,
	serialized_event       text NOT NULL,
	publication_date       timestamptz NOT NULL,
	completion_date        timestamptz,
	status                 text,
	completion_attempts    int,
	last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
