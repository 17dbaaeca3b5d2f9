package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.control.ControlQueries;
import org.gridguard.control.MeasureKind;
import org.gridguard.control.SiteHandover;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admission at a site: the pending transfer is claimed, a room is taken by the allocation rules (or the room given,
 * if it fits), the stay begins and the control loop notes it on the person's timeline. 409 when the transfer is no
 * longer pending or no room fits; nothing changes then.
 */
@Service
@Transactional
public class Admissions {

	private final QuarantineWriter writer;

	private final SiteQueries queries;

	private final JdbcClient jdbc;

	private final PersonManagement persons;

	private final ControlQueries control;

	private final SiteHandover handover;

	private final QuarantineProperties properties;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Admissions(QuarantineWriter writer, SiteQueries queries, JdbcClient jdbc, PersonManagement persons,
			ControlQueries control, SiteHandover handover, QuarantineProperties properties, AuditLog audit,
			Messages messages, Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.jdbc = jdbc;
		this.persons = persons;
		this.control = control;
		this.handover = handover;
		this.properties = properties;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** What an admission gave. */
	public record Admission(long stayId, long siteId, String room) {
	}

	/**
	 * Admits the person of a pending transfer at a site.
	 *
	 * @param room the room number to take; {@code null}: by the allocation rules
	 * @param withStay a stay at the same site whose room the person joins as a carer (or the cared-for)
	 */
	public Admission admit(long transferId, @Nullable Long siteId, @Nullable String room, @Nullable Long withStay,
			Jurisdiction who) {
		if (siteId == null) {
			throw InvalidInput.of("siteId", messages.get("quarantine.site.unknown"));
		}
		Transfer transfer = queries.findTransfer(transferId).orElseThrow(() -> new NotFound("transfer " + transferId));
		Site site = queries.find(siteId).filter(Site::active).orElseThrow(() -> new NotFound("site " + siteId));
		if (!who.runsSite(siteId)) {
			throw new NotFound("site " + siteId);
		}
		if (transfer.siteId() != null && transfer.siteId() != siteId && !who.mayCommandSites(transfer.regionCode())) {
			throw new Conflict("siteId", messages.get("quarantine.transfer.otherSite"));
		}
		Instant now = clock.instant();
		if (!writer.admitTransfer(transferId, siteId, now, who.username())) {
			throw new Conflict("state", messages.get("quarantine.transfer.notPending"));
		}
		Person person = persons.find(transfer.personId()).orElseThrow(() -> new NotFound("person"));
		List<RoomAllocation.Candidate> rooms = candidates(siteId);
		RoomAllocation.Need need = need(person);
		Site.Room taken = null;
		if (withStay != null) {
			Stay companion = queries.findStay(withStay)
				.filter(s -> s.siteId() == siteId && s.state() == Stay.State.IN)
				.orElseThrow(() -> InvalidInput.of("withStay", messages.get("quarantine.admission.companion")));
			RoomAllocation.Candidate shared = rooms.stream()
				.filter(c -> c.room().id() == companion.roomId())
				.findFirst()
				.orElseThrow();
			need = new RoomAllocation.Need(shared.party() == null ? need.party() : shared.party(), true, need.elderly());
			taken = writer.takeBed(shared.room().id(), need.party()) ? shared.room() : null;
		}
		else if (room != null && !room.isBlank()) {
			RoomAllocation.Candidate given = rooms.stream()
				.filter(c -> c.room().number().equals(room.strip()))
				.findFirst()
				.orElseThrow(() -> InvalidInput.of("room", messages.get("quarantine.room.unknown", room.strip())));
			if (RoomAllocation.fits(given, need) && writer.takeBed(given.room().id(), need.party())) {
				taken = given.room();
			}
		}
		else {
			for (Site.Room candidate : RoomAllocation.candidates(rooms, need)) {
				if (writer.takeBed(candidate.id(), need.party())) {
					taken = candidate;
					break;
				}
			}
		}
		if (taken == null) {
			throw new Conflict("room", messages.get("quarantine.admission.noRoom"));
		}
		long stayId = writer.insertStay(transferId, transfer.riskPersonId(), transfer.personId(), transfer.regionCode(),
				siteId, taken.id(), now, who.username(), centralStageEnd(transfer.riskPersonId()));
		handover.admitted(transfer.riskPersonId(), site.name(), taken.number(), who.username());
		audit.record("QUARANTINE_ADMIT", "quarantine_stay", String.valueOf(stayId), site.name() + " · " + taken.number());
		return new Admission(stayId, siteId, taken.number());
	}

	private RoomAllocation.Need need(Person person) {
		int year = LocalDate.now(clock).getYear();
		int age = person.birthYear() == null ? 40 : year - person.birthYear();
		boolean familyWithMinor = false;
		String party = "P" + person.id();
		if (person.householdId() != null) {
			party = "H" + person.householdId();
			familyWithMinor = persons.members(person.householdId())
				.stream()
				.anyMatch(m -> m.birthYear() != null && year - m.birthYear() < properties.minorAge());
		}
		return RoomAllocation.Need.of(party, age, familyWithMinor, properties.minorAge(), properties.elderlyAge());
	}

	private List<RoomAllocation.Candidate> candidates(long siteId) {
		return jdbc.sql("SELECT * FROM quarantine_room WHERE site_id = ? ORDER BY building NULLS FIRST, floor NULLS FIRST, number, id")
			.param(siteId)
			.query((rs, i) -> new RoomAllocation.Candidate(SiteQueries.ROOM.mapRow(rs, i), rs.getString("party")))
			.list();
	}

	/** The last day of the person's central isolation, if their plan has one. */
	@Nullable LocalDate centralStageEnd(long riskPersonId) {
		return control.stages(riskPersonId)
			.stream()
			.filter(s -> s.kind() == MeasureKind.CENTRAL_ISOLATION)
			.map(ControlQueries.StageView::to)
			.max(LocalDate::compareTo)
			.orElse(null);
	}

}
