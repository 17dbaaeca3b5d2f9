package org.gridguard.cockpit.web;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.gridguard.region.RegionLevel;
import org.gridguard.response.ResponseLevel;

/**
 * The answer of {@code GET /api/v1/cockpit} as the API document describes it (API.md, command layer). The answer
 * itself is assembled by the panels ({@code Cockpit.Reading#api()}), each adding its fields, so that a module that
 * lands changes no other panel; this record only names the fields for the document, and
 * {@code CockpitJurisdictionIntegrationTests} holds the answer to the same names.
 */
@Schema(name = "CockpitAnswer", description = "The cockpit's figures for one region; each equals the total of the list "
		+ "behind it with the same region filter")
record CockpitAnswer(CockpitRegion region,
		@Schema(implementation = ResponseLevel.class, description = "the response level in force") String responseLevel,
		@Schema(description = "when the figures were read") Instant at, CockpitRiskPersons riskPersons, CockpitTasks tasks,
		@Schema(description = "everyone at risk of dropping out of control (GET /api/v1/unmanaged)") long unmanaged,
		@Schema(description = "the same, by reason") Map<String, Long> unmanagedByReason,
		@Schema(description = "check-ins today at the region's venues") long checkinsToday,
		@Schema(description = "red or isolated persons scanned in at the region's venues today") long venueAlertsToday,
		@Schema(description = "single positive results received today by the region's residents") long positivesToday,
		@Schema(description = "open case investigations touching the region") long openInvestigations,
		CockpitQuarantine quarantine, CockpitEvents events, CockpitRectifications rectifications,
		CockpitSupplies supplies, CockpitVaccination vaccination) {

	record CockpitRegion(String code, String name, @Schema(implementation = RegionLevel.class) String level) {
	}

	@Schema(description = "risk persons under control (GET /api/v1/risk-persons?active=true)")
	record CockpitRiskPersons(long total,
			@Schema(description = "under control, by category") Map<String, Long> byCategory,
			@Schema(description = "all risk persons, by state") Map<String, Long> byState) {
	}

	@Schema(description = "open verification tasks (GET /api/v1/tasks?open=true)")
	record CockpitTasks(long open, @Schema(description = "past their deadline") long overdue,
			@Schema(description = "escalated past the grid") long escalated) {
	}

	@Schema(description = "rooms of the region's sites; transfers of the region's persons; admissions and releases today")
	record CockpitQuarantine(long rooms, long occupied, long free, long transfersPending, long transfersOverdue,
			long admittedToday, long releasedToday) {
	}

	@Schema(description = "meetings and events (zero until the module exists)")
	record CockpitEvents(long awaitingApproval) {
	}

	@Schema(description = "rectification orders (zero until the module exists)")
	record CockpitRectifications(long open, long overdue) {
	}

	@Schema(description = "supplies (zero until the module exists)")
	record CockpitSupplies(long belowNorm) {
	}

	@Schema(description = "vaccination of residents aged 60 and over (zero until the module exists)")
	record CockpitVaccination(long age60Population, long age60FullPrimary) {
	}

}
