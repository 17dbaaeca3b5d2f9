package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.gridguard.TestIds;
import org.gridguard.control.Category;
import org.gridguard.control.ControlQueries;
import org.gridguard.control.Outcome;
import org.gridguard.control.Placement;
import org.gridguard.control.Pushed;
import org.gridguard.control.Registrations;
import org.gridguard.control.Verification;
import org.gridguard.control.Verifications;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the quarantine integration tests set up: sites with named rooms, close contacts verified into central
 * isolation (whose transfer orders the module opens on the event), site-staff accounts, and moving a person's plan
 * into the past (tests move data, not the clock).
 */
final class QuarantineFixtures {

	static final String GRID = "330784001001001";

	static final String TOWN = "330784001";

	static final Jurisdiction CITY = Jurisdiction.system();

	static final String STAFF_PASSWORD = "Site-Staff-Pass-2026";

	private static final AtomicInteger NEXT = new AtomicInteger(1);

	private final PersonManagement persons;

	private final Registrations registrations;

	private final Verifications verifications;

	private final ControlQueries control;

	private final SiteRegistry registry;

	private final SiteQueries queries;

	private final JdbcClient jdbc;

	private final Clock clock;

	QuarantineFixtures(PersonManagement persons, Registrations registrations, Verifications verifications,
			ControlQueries control, SiteRegistry registry, SiteQueries queries, JdbcClient jdbc, Clock clock) {
		this.persons = persons;
		this.registrations = registrations;
		this.verifications = verifications;
		this.control = control;
		this.registry = registry;
		this.queries = queries;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A site in 东城街道 with these rooms ("number:KIND:beds"). */
	Site site(String... rooms) {
		var list = new ArrayList<NewSite.NewRoom>();
		for (String r : rooms) {
			String[] p = r.split(":");
			list.add(new NewSite.NewRoom(p[0], "A", 1, Integer.parseInt(p[2]), Site.RoomKind.valueOf(p[1])));
		}
		return registry.register(new NewSite("测试驿站" + NEXT.getAndIncrement() + "-" + System.nanoTime() % 100000,
				"STATION", TOWN, "东城街道测试路 1 号", null, "测试负责人", null, null, list), CITY);
	}

	/** A site-staff account bound to a site. */
	Jurisdiction staffOf(Site site, String username) {
		registry.createStaffAccount(site.id(), username, "隔离点工作人员" + username, STAFF_PASSWORD, CITY);
		return new Jurisdiction(username, Role.SITE_STAFF, site.townCode(), null, null, site.id());
	}

	/** A close contact of the grid, last exposed yesterday, verified under central isolation. */
	long centrallyIsolated(String name) {
		return centrallyIsolated(name, 1);
	}

	/** A close contact of the grid, last exposed {@code daysAgo}, verified under central isolation today. */
	long centrallyIsolated(String name, int daysAgo) {
		String id = TestIds.resident();
		Person person = persons.createResident(new NewResident(name, IdType.RESIDENT_ID, id, null, GRID, name + "家", null),
				CITY);
		long riskPersonId = registrations.registerAll(List.of(new Pushed(person.id(), name, Category.CLOSE_CONTACT,
				new Placement(Placement.Kind.GRID, GRID, null), "test", null, null, LocalDate.now(clock).minusDays(daysAgo),
				Instant.now())), "test").riskPersonIds()[0];
		long task = control.tasksOf(riskPersonId).stream().filter(t -> t.state().open()).findFirst().orElseThrow().id();
		verifications.complete(task, new Verification(Outcome.CONTROLLED, true, null, null, null), CITY);
		return riskPersonId;
	}

	/** The pending transfer the module opened for a risk person (waits for the event to arrive). */
	Transfer pendingTransfer(long riskPersonId) {
		await(() -> queries.transfersOf(riskPersonId).stream().anyMatch(t -> t.state() == Transfer.State.PENDING));
		return queries.transfersOf(riskPersonId)
			.stream()
			.filter(t -> t.state() == Transfer.State.PENDING)
			.findFirst()
			.orElseThrow();
	}

	/** Moves a person's plan (stages and schedule) {@code days} into the past. */
	void movePlanBack(long riskPersonId, int days) {
		jdbc.sql("UPDATE control_risk_person SET plan_start = plan_start - ?, plan_end = plan_end - ?, "
				+ "last_exposure = last_exposure - ? WHERE id = ?")
			.params(days, days, days, riskPersonId)
			.update();
		jdbc.sql("UPDATE control_stage SET from_day = from_day - ?, to_day = to_day - ? WHERE risk_person_id = ?")
			.params(days, days, riskPersonId)
			.update();
		// in two steps, so that no moved item meets one not yet moved on the same day
		jdbc.sql("UPDATE control_schedule_item SET day = day - 1000 WHERE risk_person_id = ?").param(riskPersonId).update();
		jdbc.sql("UPDATE control_schedule_item SET day = day + (1000 - ?), due_at = due_at - make_interval(days => ?) "
				+ "WHERE risk_person_id = ?")
			.params(days, days, riskPersonId)
			.update();
	}

	/** Marks the test items of the central stage with results, in day order. */
	void testResults(long riskPersonId, String... results) {
		var days = control.schedule(riskPersonId)
			.stream()
			.filter(i -> "TEST".equals(i.slot()) && i.stageNo() == 1)
			.map(ControlQueries.ScheduleItem::day)
			.toList();
		for (int i = 0; i < days.size() && i < results.length; i++) {
			jdbc.sql("UPDATE control_schedule_item SET done_at = now(), value = ? WHERE risk_person_id = ? AND day = ? AND slot = 'TEST'")
				.params(results[i], riskPersonId, java.sql.Date.valueOf(days.get(i)))
				.update();
		}
	}

	static void await(BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("condition not met in time");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
