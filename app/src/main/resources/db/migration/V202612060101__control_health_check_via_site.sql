-- Twice-daily checks recorded by quarantine-site staff come in through the control loop's health checks with
-- via = 'SITE' (message key control.via.SITE); the original constraint knew only the grid worker and the person.
ALTER TABLE control_health_check DROP CONSTRAINT control_health_check_via_check;
ALTER TABLE control_health_check ADD CONSTRAINT control_health_check_via_check CHECK (via IN ('WORKER', 'SELF', 'SITE'));
