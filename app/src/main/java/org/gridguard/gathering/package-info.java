/**
 * Meetings and events (会议活动) under "非必要不举办、能线上不线下": organizer units and their accounts, filing with the
 * prevention plan, the tiers of the response profile (filing, two-level review, not held, higher review), approval
 * steps addressed by jurisdiction and sector with deadlines and escalation, attendee lists checked against status
 * colours, risk persons and risk-area travel, and the event's venue code through which attendees check in, so that
 * tracing treats the event as a place and time. Sits above {@code venue} and {@code response}.
 */
@ApplicationModule(displayName = "Gathering", allowedDependencies = { "shared", "platform", "region", "account",
		"person", "status", "responsibility", "venue", "control", "response" })
@NullMarked
package org.gridguard.gathering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
