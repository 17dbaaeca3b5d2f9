package org.gridguard.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridguard.person.PersonManagement;
import org.gridguard.person.WorkUnits;
import org.gridguard.platform.Messages;
import org.gridguard.region.RegionManagement;
import org.gridguard.responsibility.Assignment;
import org.gridguard.responsibility.FourParties;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.shared.Sector;
import org.gridguard.status.StatusManagement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers pushed persons in bulk: from push lists, case investigations, sentinel pharmacies and pooled positives.
 */
@Service
@Transactional
public class Registrations {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ProtocolCatalogue catalogue;

	private final ControlQueries queries;

	private final StatusManagement status;

	private final ResponsibilityManagement responsibility;

	private final RegionManagement regions;

	private final RiskPersonWriter writer;

	private final Messages messages;

	private final Clock clock;

	private final PersonManagement persons;

	private final Raises raises;

	private final WorkUnits workUnits;

	Registrations(JdbcClient jdbc, JdbcTemplate template, ProtocolCatalogue catalogue, ControlQueries queries,
			StatusManagement status, ResponsibilityManagement responsibility, RegionManagement regions,
			RiskPersonWriter writer, Messages messages, Clock clock, PersonManagement persons, Raises raises,
			WorkUnits workUnits) {
		this.workUnits = workUnits;
		this.raises = raises;
		this.persons = persons;
		this.jdbc = jdbc;
		this.template = template;
		this.catalogue = catalogue;
		this.queries = queries;
		this.status = status;
		this.responsibility = responsibility;
		this.regions = regions;
		this.writer = writer;
		this.messages = messages;
		this.clock = clock;
	}

	/** How a bulk registration went. {@code riskPersonIds} follow the input order (existing ones for repeats). */
	public record Registration(int created, int existing, int queued, int transferred, long[] riskPersonIds) {
	}

	/**
	 * Registers pushed persons in bulk: one risk person per person, a verification task with the category's SLA in the
	 * grid or queue, the pending status fact, and the four parties. Persons living outside the city are marked for
	 * transfer out. A person already under active control is not registered twice: a push of a stricter category
	 * raises them ({@link Raises}), a milder or equal one changes nothing and is noted on their timeline. A person
	 * pushed on elsewhere (推送外地) in the last 14 days comes back into the loop, with a note.
	 */
	public Registration registerAll(List<Pushed> pushed, String actor) {
		if (pushed.isEmpty()) {
			return new Registration(0, 0, 0, 0, new long[0]);
		}
		Map<Category, CategoryRule> rules = catalogue.categories();
		Instant now = clock.instant();
		// the same person twice in one call counts once, in the stricter of the two categories
		var first = new LinkedHashMap<Long, Pushed>();
		for (Pushed p : pushed) {
			first.merge(p.personId(), p, (a, b) -> rules.get(b.category()).stricterThan(rules.get(a.category())) ? b : a);
		}
		Map<Long, RiskPerson> existingActive = queries.activeRiskPersons(first.keySet());
		Map<Long, Long> recentTransfers = recentTransfers(first.keySet(), now.minus(Duration.ofDays(14)));
		var toCreate = new ArrayList<Pushed>();
		for (Pushed p : first.values()) {
			if (!existingActive.containsKey(p.personId())) {
				toCreate.add(p);
			}
		}
		Map<Long, String> units = units(first.values());
		Map<Long, Long> created = insertRiskPersons(toCreate, units, now);
		var timeline = new ArrayList<Object[]>();
		var tasks = new ArrayList<RiskPersonWriter.NewTask>();
		var facts = new ArrayList<StatusManagement.FactAssertion>();
		var parties = new ArrayList<Assignment>();
		var byRegion = new HashMap<String, Integer>();
		var whereabouts = new HashMap<Long, String>();
		int queued = 0;
		int transferred = 0;
		for (Pushed p : toCreate) {
			long id = created.get(p.personId());
			CategoryRule rule = rules.get(p.category());
			timeline.add(new Object[] { id, Timestamp.from(now), "PUSHED", actor, "control.timeline.pushed",
					Explained.args("#control.category." + p.category(), p.source() == null ? "—" : p.source(),
							"#control.placement.kind." + p.placement().kind(), regions.fullName(p.placement().regionCode()),
							p.placement().note() == null ? "—" : p.placement().note(), rule.protocolId(), rule.ackHours(),
							rule.verifyHours(), writer.local(p.pushedAt())) });
			if (p.placement().kind() == Placement.Kind.OUTSIDE) {
				transferred++;
				continue;
			}
			if (p.placement().kind() == Placement.Kind.QUEUE) {
				queued++;
			}
			tasks.add(new RiskPersonWriter.NewTask(id, VerificationTask.Kind.VERIFY, p.placement().regionCode(), now,
					p.pushedAt().plus(rule.ackWithin()), p.pushedAt().plus(rule.verifyWithin())));
			if (rule.pendingFact() != null) {
				facts.add(new StatusManagement.FactAssertion(p.personId(), rule.pendingFact(), RiskPersonWriter.source(id),
						messages.get("control.category." + p.category()), p.pushedAt(), null));
			}
			parties.add(new Assignment(Subject.riskPerson(id), p.name() + " · " + messages.get("control.category." + p.category()),
					new FourParties(p.placement().regionCode(), Sector.HEALTH, units.get(p.personId()), null, null, p.name(),
							null), true, now, actor));
			byRegion.merge(p.placement().regionCode(), 1, Integer::sum);
			whereabouts.put(p.personId(), p.placement().regionCode());
		}
		for (Pushed p : toCreate) {
			Long transfer = recentTransfers.get(p.personId());
			if (transfer != null) {
				timeline.add(new Object[] { created.get(p.personId()), Timestamp.from(now), "RETURNED", actor,
						"control.timeline.returned", Explained.args(transfer) });
			}
		}
		var raise = new ArrayList<Pushed>();
		for (Pushed p : first.values()) {
			RiskPerson existing = existingActive.get(p.personId());
			if (existing == null) {
				continue;
			}
			CategoryRule current = rules.get(existing.category());
			CategoryRule pushedRule = rules.get(p.category());
			if (pushedRule.stricterThan(current)) {
				raise.add(p);
			}
			else {
				timeline.add(new Object[] { existing.id(), Timestamp.from(now), "PUSHED_AGAIN", actor,
						"control.timeline.pushedAgain", Explained.args("#control.category." + p.category(),
								p.source() == null ? "—" : p.source(), "#control.category." + existing.category(),
								pushedRule.strictness(), current.strictness()) });
			}
		}
		writer.timelines(timeline);
		writer.openTasks(tasks);
		persons.placeNonResidents(whereabouts);
		status.assertFacts(facts);
		responsibility.assignAll(parties, actor);
		byRegion.forEach((region, count) -> writer.notifyNewWork(region, count, actor, now));
		for (Pushed p : raise) {
			raises.raise(existingActive.get(p.personId()), p.category(), p.lastExposure(), p.linkedPersonId(), p.pushedAt(),
					new Raises.Cause(actor, "control.cause.push", p.source() == null ? "—" : p.source()));
		}
		long[] ids = new long[pushed.size()];
		for (int i = 0; i < pushed.size(); i++) {
			long personId = pushed.get(i).personId();
			Long id = created.containsKey(personId) ? created.get(personId)
					: existingActive.containsKey(personId) ? Long.valueOf(existingActive.get(personId).id()) : null;
			ids[i] = id == null ? 0 : id;
		}
		int existingCount = first.size() - toCreate.size();
		return new Registration(toCreate.size(), existingCount, queued, transferred, ids);
	}

	/** Each person's unit: the push's, else the person record's; units learned from a push go on the record. */
	private Map<Long, String> units(java.util.Collection<Pushed> pushed) {
		var given = new HashMap<Long, String>();
		for (Pushed p : pushed) {
			if (p.unit() != null && !p.unit().isBlank()) {
				given.put(p.personId(), p.unit().strip());
			}
		}
		workUnits.learn(given);
		var all = new HashMap<Long, String>(workUnits.of(pushed.stream().map(Pushed::personId).toList()));
		all.putAll(given);
		return all;
	}

	private Map<Long, Long> insertRiskPersons(List<Pushed> toCreate, Map<Long, String> units, Instant now) {
		var result = new HashMap<Long, Long>();
		if (toCreate.isEmpty()) {
			return result;
		}
		template.execute((Connection con) -> {
			int n = toCreate.size();
			Long[] person = new Long[n];
			String[] category = new String[n];
			String[] state = new String[n];
			String[] region = new String[n];
			String[] placement = new String[n];
			String[] note = new String[n];
			String[] source = new String[n];
			Long[] list = new Long[n];
			Long[] linked = new Long[n];
			Date[] exposure = new Date[n];
			Timestamp[] pushedAt = new Timestamp[n];
			String[] unit = new String[n];
			for (int i = 0; i < n; i++) {
				Pushed p = toCreate.get(i);
				person[i] = p.personId();
				category[i] = p.category().name();
				state[i] = p.placement().kind() == Placement.Kind.OUTSIDE ? "TRANSFERRED_OUT" : "PENDING";
				region[i] = p.placement().regionCode();
				placement[i] = p.placement().kind().name();
				note[i] = p.placement().note() == null ? null : RiskPersonWriter.truncate(p.placement().note(), 200);
				source[i] = p.source() == null ? null : RiskPersonWriter.truncate(p.source(), 100);
				list[i] = p.pushListId();
				linked[i] = p.linkedPersonId();
				exposure[i] = p.lastExposure() == null ? null : Date.valueOf(p.lastExposure());
				pushedAt[i] = Timestamp.from(p.pushedAt());
				String u = units.get(p.personId());
				unit[i] = u == null ? null : RiskPersonWriter.truncate(u, 100);
			}
			try (PreparedStatement ps = con.prepareStatement("""
					INSERT INTO control_risk_person (person_id, category, state, region_code, placement, placement_note,
						source, push_list_id, linked_person_id, last_exposure, pushed_at, work_unit, ended_at, end_note,
						created_at, updated_at)
					SELECT p, c, s, r, pl, n, so, l, lk, e, pa, u, CASE WHEN s = 'TRANSFERRED_OUT' THEN ?::timestamptz END,
						CASE WHEN s = 'TRANSFERRED_OUT' THEN n END, ?::timestamptz, ?::timestamptz
					FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
						?::varchar[], ?::bigint[], ?::bigint[], ?::date[], ?::timestamptz[], ?::varchar[])
						AS t(p, c, s, r, pl, n, so, l, lk, e, pa, u)
					ON CONFLICT (person_id) WHERE state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE') DO NOTHING
					RETURNING id, person_id""")) {
				Timestamp ts = Timestamp.from(now);
				ps.setTimestamp(1, ts);
				ps.setTimestamp(2, ts);
				ps.setTimestamp(3, ts);
				ps.setArray(4, con.createArrayOf("bigint", person));
				ps.setArray(5, con.createArrayOf("varchar", category));
				ps.setArray(6, con.createArrayOf("varchar", state));
				ps.setArray(7, con.createArrayOf("varchar", region));
				ps.setArray(8, con.createArrayOf("varchar", placement));
				ps.setArray(9, con.createArrayOf("varchar", note));
				ps.setArray(10, con.createArrayOf("varchar", source));
				ps.setArray(11, con.createArrayOf("bigint", list));
				ps.setArray(12, con.createArrayOf("bigint", linked));
				ps.setArray(13, con.createArrayOf("date", exposure));
				ps.setArray(14, con.createArrayOf("timestamptz", pushedAt));
				ps.setArray(15, con.createArrayOf("varchar", unit));
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						result.put(rs.getLong(2), rs.getLong(1));
					}
				}
			}
			return null;
		});
		return result;
	}

	private Map<Long, Long> recentTransfers(Set<Long> personIds, Instant since) {
		var result = new HashMap<Long, Long>();
		if (personIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT person_id, max(id) FROM control_risk_person WHERE state = 'TRANSFERRED_OUT' "
				+ "AND created_at >= :since AND person_id IN (:ids) GROUP BY person_id")
			.param("since", Timestamp.from(since))
			.param("ids", personIds)
			.query((rs, i) -> result.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return result;
	}

}
