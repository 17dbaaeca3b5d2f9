-- A person released from a quarantine site comes home for the plan's next stage: the grid confirms the arrival
-- (点对点闭环) with a HANDOVER task.
ALTER TABLE control_task DROP CONSTRAINT control_task_kind_check;
ALTER TABLE control_task ADD CONSTRAINT control_task_kind_check CHECK (kind IN ('VERIFY', 'RELEASE', 'HANDOVER'));
