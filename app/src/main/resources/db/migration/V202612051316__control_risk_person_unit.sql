-- The unit (单位) answering for a risk person, as registered: lists filter by it like by the other parties.
ALTER TABLE control_risk_person ADD COLUMN work_unit varchar(100);
CREATE INDEX control_risk_person_unit_idx ON control_risk_person (work_unit) WHERE work_unit IS NOT NULL;
