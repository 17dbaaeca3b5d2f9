-- The control loop's settings and the categories' deadlines move into the rule profile: what the city admin had set
-- becomes the 常态化 profile's value (the level every city starts at), and the old places are dropped, so that the
-- numbers have one place.
INSERT INTO response_profile_value (level, setting_key, value, updated_at, updated_by)
SELECT 'NORMAL', s.setting_key, s.value, l.updated_at, l.updated_by
FROM control_loop_settings l,
LATERAL (VALUES
	('control.check.am-due', to_char(l.am_due, 'HH24:MI')),
	('control.check.pm-due', to_char(l.pm_due, 'HH24:MI')),
	('control.test-grace', trim_scale(l.test_grace_minutes / 60.0)::text),
	('control.fever-threshold', trim_scale(l.fever_threshold)::text),
	('control.escalation.grid', l.escalation_minutes[1]::text),
	('control.escalation.village', l.escalation_minutes[2]::text),
	('control.escalation.town', l.escalation_minutes[3]::text),
	('control.escalation.city', l.escalation_minutes[4]::text)) AS s(setting_key, value);

-- the deadlines the categories came with (rules §4.3); only the ones the admin changed are carried over
CREATE TEMPORARY TABLE preset_deadline (category varchar(40), ack numeric, verify numeric) ON COMMIT DROP;
INSERT INTO preset_deadline VALUES
('CLOSE_CONTACT', 1, 2), ('SECONDARY_CONTACT', 1, 2), ('GENERAL_CONTACT', 2, 24), ('SPACETIME_COMPANION', 2, 24),
('INBOUND', 1, 12), ('HIGH_RISK_AREA_TRAVELER', 1, 2), ('MID_RISK_AREA_TRAVELER', 2, 12),
('LOW_RISK_AREA_TRAVELER', 2, 24), ('HIGH_RISK_JOB', 4, 24), ('SENTINEL_BUYER', 2, 24), ('POOL_POSITIVE', 1, 2);

INSERT INTO response_profile_value (level, setting_key, value, updated_at, updated_by)
SELECT 'NORMAL', 'control.sla.' || c.category || '.ack', trim_scale(c.ack_hours)::text, c.updated_at, c.updated_by
FROM control_category c JOIN preset_deadline p ON p.category = c.category
WHERE c.ack_hours <> p.ack;

INSERT INTO response_profile_value (level, setting_key, value, updated_at, updated_by)
SELECT 'NORMAL', 'control.sla.' || c.category || '.verify', trim_scale(c.verify_hours)::text, c.updated_at,
	c.updated_by
FROM control_category c JOIN preset_deadline p ON p.category = c.category
WHERE c.verify_hours <> p.verify;

ALTER TABLE control_category DROP COLUMN ack_hours, DROP COLUMN verify_hours;
DROP TABLE control_loop_settings;
