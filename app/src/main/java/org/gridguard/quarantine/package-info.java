/**
 * Centralized quarantine sites (集中隔离点 / 健康驿站) as a closed loop: sites with rooms, zones and working groups,
 * transfer orders opened when a verification applies central isolation, admission by the allocation rules,
 * twice-daily checks and protocol test days recorded through the control loop, release sampling, the release gate
 * and notice, hand-over to the next stage in the person's grid, closed-loop staff and care requests. Sits above
 * {@code control}: listens to its events and calls its API; control never imports it.
 */
@ApplicationModule(displayName = "Quarantine", allowedDependencies = { "shared", "platform", "region", "account",
		"person", "status", "testing", "responsibility", "control", "response" })
@NullMarked
package org.gridguard.quarantine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
