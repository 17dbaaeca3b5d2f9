-- The control loop's timing and thresholds as the city admin set them; without a row the configured defaults apply.
CREATE TABLE control_loop_settings (
    id                 int PRIMARY KEY CHECK (id = 1),
    am_due             time NOT NULL,
    pm_due             time NOT NULL,
    test_grace_minutes int NOT NULL,
    fever_threshold    numeric(3, 1) NOT NULL,
    escalation_minutes int[] NOT NULL,
    updated_at         timestamptz NOT NULL,
    updated_by         text NOT NULL
);
