/**
 * Inspections of key places (督查检查) and rectification orders (整改 → 复查): checklists per venue category (and for
 * quarantine sites and grids) with a severity per item, inspection frequencies and deadlines from the response
 * profile, the inspector's walk through a checklist with notes and photos, one order per failed item to the place's
 * responsible person, evidence, re-inspection, escalation of overdue orders, coverage and scoreboards, and the routine
 * tests of key-place staff (the routine-test-overdue status fact). Sits above {@code venue}: reads its public queries.
 */
@ApplicationModule(displayName = "Inspection", allowedDependencies = { "shared", "platform", "region", "venue",
		"responsibility", "status", "testing", "response" })
@NullMarked
package org.gridguard.inspection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
