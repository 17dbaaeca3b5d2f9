-- Measures a verifying grid worker may apply instead of a protocol's first one (rules §1.2 "home observation for
-- special groups", §1.7 "fallback: CENTRAL_ISOLATION"), and the strictness order of categories: a push of a stricter
-- category raises a person already under milder control; a milder one never lowers anyone (rules §1).

UPDATE control_protocol SET stages = jsonb_set(stages::jsonb, '{0,alternatives}', '["HOME_ISOLATION"]')::text
	WHERE id IN ('v8_close_contact', 'v9_close_contact', 'v8_inbound', 'v9_inbound', 'zj_2022_14_7', 'zj_2022_7_7',
		'twenty_5_3', 'v8_secondary_contact') AND updated_by = 'system';
UPDATE control_protocol SET stages = jsonb_set(stages::jsonb, '{0,alternatives}', '["CENTRAL_ISOLATION"]')::text
	WHERE id IN ('v9_secondary_contact', 'v9_mid_risk_area', 'zj_2022_3_11') AND updated_by = 'system';

-- higher is stricter; equal ranks neither raise nor lower
ALTER TABLE control_category ADD COLUMN strictness smallint NOT NULL DEFAULT 0 CHECK (strictness BETWEEN 0 AND 1000);
UPDATE control_category SET strictness = CASE category
	WHEN 'CLOSE_CONTACT' THEN 100
	WHEN 'INBOUND' THEN 90
	WHEN 'HIGH_RISK_AREA_TRAVELER' THEN 90
	WHEN 'SECONDARY_CONTACT' THEN 80
	WHEN 'MID_RISK_AREA_TRAVELER' THEN 70
	WHEN 'POOL_POSITIVE' THEN 60
	WHEN 'SPACETIME_COMPANION' THEN 50
	WHEN 'LOW_RISK_AREA_TRAVELER' THEN 40
	WHEN 'GENERAL_CONTACT' THEN 30
	WHEN 'HIGH_RISK_JOB' THEN 20
	WHEN 'SENTINEL_BUYER' THEN 10
	ELSE 0 END;
