package org.gridguard.status.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.status.PersonStatus;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/status/{idNumber}}: a person's colour, whether to admit, and why. Venue desks, departments,
 * quarantine sites and city-wide roles may ask about anyone (entry checks) but only roles that see residents read the
 * reasons; officers and grid workers ask about persons in their jurisdiction. A person GridGuard has never seen is
 * green. Every query is audited.
 */
@RestController
@RequestMapping("/api/v1/status")
@PreAuthorize("isAuthenticated()")
class StatusApi {

	private final StatusManagement status;

	private final PersonManagement persons;

	private final Messages messages;

	private final AuditLog audit;

	private final Clock clock;

	StatusApi(StatusManagement status, PersonManagement persons, Messages messages, AuditLog audit, Clock clock) {
		this.status = status;
		this.persons = persons;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/{idNumber}")
	StatusView status(@PathVariable String idNumber, Jurisdiction who) {
		IdDocument.Parsed parsed = IdDocument.parse(IdType.RESIDENT_ID, idNumber, LocalDate.now(clock), "idNumber",
				messages);
		if (parsed.document() == null) {
			throw new InvalidInput(List.of(parsed.problem()));
		}
		Person person = persons.findByDocument(parsed.document()).orElse(null);
		audit.record("STATUS_QUERY", "person", person == null ? parsed.document().masked() : String.valueOf(person.id()),
				null);
		if (person == null) {
			return new StatusView("GREEN", List.of(), null, true);
		}
		if (!mayAskAboutAnyone(who) && !persons.visible(person, who)) {
			throw new NotFound("person");
		}
		PersonStatus current = status.current(person.id());
		// the reasons are health data: a venue desk learns the colour and whether to admit, never why
		return new StatusView(current.colour().name(), who.seesHealthReasons() ? current.reasons() : List.of(),
				current.since(), current.colour().admitted());
	}

	static boolean mayAskAboutAnyone(Jurisdiction who) {
		return who.mayAskAnyonesStatus();
	}

	/**
	 * @param reasons why, for roles that see residents; empty for venue desks, departments and site staff
	 * @param admit whether a venue entrance admits the person
	 */
	record StatusView(@Schema(implementation = StatusColour.class) String status, List<String> reasons,
			@Nullable Instant since, boolean admit) {
	}

}
