/**
 * 精密智控: from a pushed list to verified, controlled risk persons, and nobody unmanaged. Push-list imports, risk
 * persons with their control protocol and schedule, verification tasks with SLA clocks and step-by-step escalation,
 * daily health checks, release, and the detector that finds everyone at risk of dropping out of control.
 */
@ApplicationModule(displayName = "Control", allowedDependencies = { "shared", "platform", "region", "person", "status",
		"testing", "responsibility", "venue", "tracing", "response" })
@NullMarked
package org.gridguard.control;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
