-- 单位: where a person works, from the resident record or a pushed list's 工作单位 column; the unit party of the four
-- parties answering for a risk person.
ALTER TABLE person ADD COLUMN work_unit varchar(100);
