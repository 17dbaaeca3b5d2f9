/**
 * The command cockpit (驾驶舱) and the daily report (日报): the figures of every module for the city and any town,
 * village or grid, one panel per module, trends, the heat of the areas below and the alert feed, each number linked to
 * the list behind it. It reads the other modules' public queries and keeps read models of their events and of the
 * check-in feed; no module depends on it.
 */
@ApplicationModule(displayName = "Cockpit", allowedDependencies = { "shared", "platform", "region", "person", "control",
		"venue", "testing", "tracing", "quarantine", "response", "gathering", "inspection" })
@NullMarked
package org.gridguard.cockpit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
