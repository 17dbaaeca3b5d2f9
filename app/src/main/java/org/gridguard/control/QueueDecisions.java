package org.gridguard.control;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridguard.person.PersonManagement;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What officers decide for persons waiting in their queue (no grid yet, or not found on site): place them in a grid,
 * or confirm that they live elsewhere and push them on (推送外地).
 */
@Service
@Transactional
public class QueueDecisions {

	private final JdbcClient jdbc;

	private final ProtocolCatalogue catalogue;

	private final ControlQueries queries;

	private final RiskPersonWriter writer;

	private final ResponsibilityManagement responsibility;

	private final RegionManagement regions;

	private final Messages messages;

	private final Clock clock;

	private final PersonManagement persons;

	QueueDecisions(JdbcClient jdbc, ProtocolCatalogue catalogue, ControlQueries queries, RiskPersonWriter writer,
			ResponsibilityManagement responsibility, RegionManagement regions, Messages messages, Clock clock,
			PersonManagement persons) {
		this.persons = persons;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.queries = queries;
		this.writer = writer;
		this.responsibility = responsibility;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * An officer places a queued (or not found) person in a grid: a verification task opens there. The grid is given
	 * by its name as the suggestions show it (园丁社区第1网格) or by its 15-digit code.
	 */
	public RiskPerson assignGrid(long riskPersonId, @Nullable String gridText, Jurisdiction who) {
		RiskPerson person = queries.riskPerson(riskPersonId, who);
		String gridCode = resolveGrid(gridText, who);
		Region grid = regions.find(gridCode).orElse(null);
		if (grid == null || grid.level() != RegionLevel.GRID || !grid.active() || !who.covers(gridCode)
				|| !who.canAdminister(gridCode)) {
			throw InvalidInput.of("grid", messages.get("control.grid.invalid"));
		}
		if (person.state() != RiskPerson.State.PENDING && person.state() != RiskPerson.State.NOT_FOUND) {
			throw InvalidInput.of("state", messages.get("control.assign.state"));
		}
		Instant now = clock.instant();
		CategoryRule rule = catalogue.category(person.category());
		jdbc.sql("UPDATE control_risk_person SET region_code = ?, placement = 'GRID', state = 'PENDING', updated_at = ? WHERE id = ?")
			.params(gridCode, Timestamp.from(now), riskPersonId)
			.update();
		int moved = jdbc.sql("UPDATE control_task SET region_code = ? WHERE risk_person_id = ? AND state IN ('OPEN', 'ACCEPTED')")
			.params(gridCode, riskPersonId)
			.update();
		if (moved == 0) {
			writer.openTask(riskPersonId, VerificationTask.Kind.VERIFY, gridCode, now, now.plus(rule.ackWithin()),
					now.plus(rule.verifyWithin()));
		}
		responsibility.moveSubject(Subject.riskPerson(riskPersonId), gridCode);
		persons.placeNonResidents(java.util.Map.of(person.personId(), gridCode));
		writer.timeline(riskPersonId, now, "PLACED", who.username(), "control.timeline.placed",
				regions.fullName(person.regionCode()), regions.fullName(gridCode));
		writer.notifyNewWork(gridCode, 1, who.username(), now);
		return queries.riskPerson(riskPersonId);
	}

	/** The grid an officer means: a code, or a name (or full name) that exactly one grid of their area has. */
	private String resolveGrid(@Nullable String text, Jurisdiction who) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			throw InvalidInput.of("grid", messages.get("control.grid.required"));
		}
		if (t.matches("\\d{15}")) {
			return t;
		}
		String plain = t.replace(" ", "").replace("\u3000", "");
		List<Region> matches = regions.gridsBelow(who.regionCode())
			.stream()
			.filter(g -> g.active() && (g.name().equals(plain) || regions.fullName(g.code()).replace(" ", "").equals(plain)))
			.toList();
		if (matches.isEmpty()) {
			throw InvalidInput.of("grid", messages.get("control.grid.noSuchName", t));
		}
		if (matches.size() > 1) {
			throw InvalidInput.of("grid", messages.get("control.grid.ambiguous", t, String.join("；",
					matches.stream().map(g -> regions.fullName(g.code()) + "（" + g.code() + "）").toList())));
		}
		return matches.get(0).code();
	}

	/** An officer confirms that a person lives elsewhere and is pushed on. */
	public RiskPerson transferOut(long riskPersonId, String reason, Jurisdiction who) {
		RiskPerson person = queries.riskPerson(riskPersonId, who);
		if (!person.state().active() && person.state() != RiskPerson.State.NOT_FOUND) {
			throw InvalidInput.of("state", messages.get("control.transfer.state"));
		}
		if (reason == null || reason.isBlank()) {
			throw InvalidInput.of("reason", messages.get("control.reason.required"));
		}
		Instant now = clock.instant();
		writer.setState(riskPersonId, RiskPerson.State.TRANSFERRED_OUT, now, who.username(), reason);
		writer.cancelOpenTasks(riskPersonId);
		responsibility.close(Subject.riskPerson(riskPersonId));
		writer.timelineNote(riskPersonId, now, "TRANSFERRED_OUT", who.username(), reason);
		return queries.riskPerson(riskPersonId);
	}

}
