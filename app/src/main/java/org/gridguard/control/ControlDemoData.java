package org.gridguard.control;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.person.PersonQuery;
import org.gridguard.platform.DemoDataContributor;
import org.gridguard.platform.DemoNames;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.IdNumber;
import org.gridguard.shared.Paging;
import org.gridguard.testing.TestResultInput;
import org.gridguard.testing.TestingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A realistic outbreak day: two pushed lists (close and secondary contacts of a case in 石柱镇, travellers from a
 * risk area) of about 300 persons, imported through the real import; most verified over the last days and under
 * their protocols at different stages, some waiting (a few past their deadline), some not found, some living
 * elsewhere, some ready for release or released; health checks and test results recorded; one secondary contact's
 * close contact tests positive, which escalates them.
 */
@Component
class ControlDemoData implements DemoDataContributor {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final PushListImport imports;

	private final Verifications verifications;

	private final Releases releases;

	private final HealthChecks checks;

	private final ControlQueries queries;

	private final UnmanagedDetector detector;

	private final PersonManagement persons;

	private final TestingManagement testing;

	private final Clock clock;

	ControlDemoData(JdbcClient jdbc, PushListImport imports, Verifications verifications, Releases releases,
			HealthChecks checks, ControlQueries queries,
			UnmanagedDetector detector, PersonManagement persons, TestingManagement testing, Clock clock) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.verifications = verifications;
		this.releases = releases;
		this.checks = checks;
		this.queries = queries;
		this.detector = detector;
		this.persons = persons;
		this.testing = testing;
		this.clock = clock;
	}

	/** Where the demo accounts "grid" and "grid2" work (see the account module's demo data). */
	static final List<String> DEMO_GRIDS = List.of("330784001001001", "330784001001002");

	@Override
	public String key() {
		return "control.outbreak-day.v1";
	}

	@Override
	public int order() {
		return 300;
	}

	@Override
	public void load() {
		var random = new SplittableRandom(20220105);
		Jurisdiction city = Jurisdiction.system();
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		var page = persons.search(city, new PersonQuery(null, "330784", "age"), new Paging(0, 500));
		if (page.items().size() < 50) {
			return;
		}
		// the grids of the demo accounts "grid" and "grid2" get a few close contacts each, so that a grid worker who
		// signs in has persons to verify on the phone
		List<Person> ownGrids = new ArrayList<>();
		List<Person> pushedJustNow = new ArrayList<>();
		for (String grid : DEMO_GRIDS) {
			List<Person> there = persons.search(city, new PersonQuery(null, grid, "age"), new Paging(0, 5)).items();
			ownGrids.addAll(there.subList(0, Math.min(3, there.size())));
			pushedJustNow.addAll(there.subList(Math.min(3, there.size()), there.size()));
		}
		var ownIds = java.util.stream.Stream.concat(ownGrids.stream(), pushedJustNow.stream())
			.map(Person::id)
			.collect(java.util.stream.Collectors.toSet());
		List<Person> residents = new ArrayList<>(ownGrids);
		page.items().stream().filter(p -> !ownIds.contains(p.id())).forEach(residents::add);
		// the case: an adult resident of 石柱镇 if there is one
		Person caseSource = residents.stream()
			.filter(p -> p.regionCode() != null && p.regionCode().startsWith("330784105"))
			.findFirst()
			.orElse(residents.get(0));
		String caseId = persons.idNumberOf(caseSource.id()).orElseThrow();

		// the case tested positive yesterday, before anyone was pushed for it
		testing.record(List.of(new TestResultInput(0, caseId, caseSource.name(),
				now.minus(Duration.ofHours(30)).atZone(clock.getZone()).toOffsetDateTime().toString(), "NAT", "POSITIVE",
				false)), "demo-lab");
		var contacts = new StringBuilder("姓名,身份证号,手机号,现住址,类别,推送时间,末次接触时间,关联病例身份证号\n");
		var travellers = new StringBuilder("姓名,身份证号,手机号,现住址,类别,推送时间,离开风险区日期\n");
		var closeContacts = new ArrayList<String>();
		String firstCloseContact = null;
		int rows = 0;
		for (Person p : residents) {
			boolean own = ownIds.contains(p.id());
			if (p.id() == caseSource.id() || !own && random.nextInt(100) < 40) {
				continue;
			}
			String id = persons.idNumberOf(p.id()).orElseThrow();
			Instant pushed = now.minus(Duration.ofMinutes(30 + random.nextInt(22 * 60)));
			LocalDate exposure = LocalDate.ofInstant(pushed, clock.getZone()).minusDays(1 + random.nextInt(3));
			int kind = random.nextInt(10);
			if (own || kind < 5 || closeContacts.isEmpty()) {
				contacts.append(csv(p.name(), id, "", p.address(), "密接", TIME.format(pushed.atZone(clock.getZone())),
						exposure.toString(), caseId));
				closeContacts.add(id);
				if (firstCloseContact == null) {
					firstCloseContact = id;
				}
			}
			else if (kind < 8) {
				// secondary contacts are linked to the close contact they met; a few to the first one
				String linked = random.nextInt(4) == 0 ? firstCloseContact : closeContacts.get(random.nextInt(closeContacts.size()));
				contacts.append(csv(p.name(), id, "", p.address(), "次密接", TIME.format(pushed.atZone(clock.getZone())),
						exposure.toString(), linked));
			}
			else {
				travellers.append(csv(p.name(), id, "", p.address(), random.nextBoolean() ? "中风险区" : "低风险区",
						TIME.format(pushed.atZone(clock.getZone())), exposure.toString()));
			}
			rows++;
			if (rows >= 280) {
				break;
			}
		}
		// persons who are not residents: one lives elsewhere, others give addresses the city cannot place at once
		for (int i = 0; i < 12; i++) {
			boolean male = random.nextBoolean();
			String first17 = (i % 3 == 0 ? "330702" : "330784") + "19" + (60 + random.nextInt(40)) + "0"
					+ (1 + random.nextInt(9)) + (10 + random.nextInt(18)) + "%03d".formatted(random.nextInt(500) * 2 + (male ? 1 : 0));
			String id = first17 + IdNumber.checkCharacter(first17);
			String address = i % 3 == 0 ? "浙江省金华市婺城区城北街道" + (10 + i) + "号" : i % 3 == 1 ? "永康市石柱镇前锦村" + (20 + i) + "号"
					: "永康市五金科技工业园宿舍" + i + "栋";
			travellers.append(csv(DemoNames.fullName(random, male), id, DemoNames.mobile(random), address, "中风险区",
					TIME.format(now.minus(Duration.ofMinutes(90 + i * 13)).atZone(clock.getZone())),
					today.minusDays(2).toString()));
		}
		long contactsList = store("石柱镇病例密接次密接协查名单.csv", contacts.toString(), Category.CLOSE_CONTACT, "省协查推送",
				now.minus(Duration.ofHours(26)));
		long travellersList = store("中高风险地区来返人员.csv", travellers.toString(), Category.MID_RISK_AREA_TRAVELER,
				"大数据局推送", now.minus(Duration.ofHours(20)));
		imports.process(contactsList, "admin");
		imports.process(travellersList, "admin");
		// … and a short list pushed twenty minutes ago: the demo grid workers' newest tasks, deadlines still running
		var fresh = new StringBuilder("姓名,身份证号,手机号,现住址,类别,推送时间,末次接触时间,关联病例身份证号\n");
		Instant justNow = now.minus(Duration.ofMinutes(20));
		for (Person p : pushedJustNow) {
			fresh.append(csv(p.name(), persons.idNumberOf(p.id()).orElseThrow(), "", p.address(), "密接",
					TIME.format(justNow.atZone(clock.getZone())), today.minusDays(1).toString(), caseId));
		}
		if (!pushedJustNow.isEmpty()) {
			imports.process(store("石柱镇病例密接补充名单.csv", fresh.toString(), Category.CLOSE_CONTACT, "省协查推送", justNow),
					"admin");
		}

		// grid workers verify most of them; some stay pending (a few past the deadline), some are not found
		var pending = queries.tasks(new ControlQueries.TaskFilter(null, true, false, null), city, new Paging(0, 500)).items();
		var controlled = new ArrayList<Long>();
		for (VerificationTask task : pending) {
			if (DEMO_GRIDS.contains(task.regionCode())) {
				continue; // left to the demo grid workers
			}
			int roll = random.nextInt(100);
			if (roll < 70) {
				RiskPerson person = verifications.complete(task.id(), new Verification(Outcome.CONTROLLED, true, null, null,
						"上门核查，已落实措施"), city);
				controlled.add(person.id());
			}
			else if (roll < 75) {
				verifications.complete(task.id(), new Verification(Outcome.NOT_FOUND, false, null, null, "敲门无人应答，电话关机"), city);
			}
			else if (roll < 78) {
				verifications.complete(task.id(), new Verification(Outcome.OUT_OF_AREA, true, null, null, "已搬至义乌居住"), city);
			}
			else if (roll < 90) {
				verifications.accept(task.id(), city);
			}
		}
		// the close contacts verified earliest have finished their plan: move their start back, then check release
		int shifted = 0;
		for (Long id : controlled) {
			RiskPerson person = queries.riskPerson(id);
			if (person.category() == Category.MID_RISK_AREA_TRAVELER && shifted < 12) {
				jdbc.sql("UPDATE control_risk_person SET plan_start = plan_start - 10, plan_end = plan_end - 10 WHERE id = ?")
					.param(id)
					.update();
				jdbc.sql("DELETE FROM control_schedule_item WHERE risk_person_id = ?").param(id).update();
				jdbc.sql("UPDATE control_stage SET from_day = from_day - 10, to_day = to_day - 10 WHERE risk_person_id = ?")
					.param(id)
					.update();
				shifted++;
			}
		}
		releases.evaluateReleases();
		int released = 0;
		for (RiskPerson ready : queries.riskPersons(new ControlQueries.RiskPersonFilter(null, RiskPerson.State.READY_FOR_RELEASE,
				null, null, null, false), city, new Paging(0, 100)).items()) {
			if (released++ < 4) {
				releases.release(ready.id(), "期满，核酸阴性", city);
			}
		}
		// this morning's temperature reports, one of them with a fever
		int checks = 0;
		for (Long id : controlled) {
			RiskPerson person = queries.riskPerson(id);
			if (person.state() != RiskPerson.State.CONTROLLED || random.nextInt(100) < 30) {
				continue;
			}
			double temperature = checks == 7 ? 37.8 : 36.2 + random.nextInt(8) / 10.0;
			jdbc.sql("UPDATE control_schedule_item SET due_at = ? WHERE risk_person_id = ? AND day = ? AND slot = 'AM'")
				.params(Timestamp.from(now.plusSeconds(3600)), id, java.sql.Date.valueOf(today))
				.update();
			this.checks.recordCheck(id, "AM", temperature, checks == 7 ? "咽痛" : null, checks % 4 == 0 ? "SELF" : "WORKER",
					checks % 4 == 0 ? "self:" + id : "grid");
			checks++;
		}
		// this morning's NAT results: negatives for most controlled persons, and the case source's close contact
		var results = new ArrayList<TestResultInput>();
		int index = 0;
		for (Long id : controlled) {
			RiskPerson person = queries.riskPerson(id);
			if (random.nextInt(100) < 60) {
				results.add(new TestResultInput(index++, persons.idNumberOf(person.personId()).orElseThrow(), null,
						now.minus(Duration.ofHours(3)).atZone(clock.getZone()).toOffsetDateTime().toString(), "NAT",
						"NEGATIVE", false));
			}
		}
		testing.record(results, "demo-lab");
		// … and the first close contact's result of this morning is positive: their secondary contacts escalate
		testing.record(List.of(new TestResultInput(0, firstCloseContact, null,
				now.minus(Duration.ofHours(2)).atZone(clock.getZone()).toOffsetDateTime().toString(), "NAT", "POSITIVE",
				false)), "demo-lab");
		detector.detect();
	}

	private long store(String filename, String content, Category category, String source, Instant at) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		return jdbc.sql("""
				INSERT INTO control_push_list (filename, category, source, content, content_sha256, state, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, 'RUNNING', 'admin', ?) RETURNING id""")
			.params(filename, category.name(), source, bytes, PushListImport.sha256(bytes), Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	private static String csv(String... cells) {
		var line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			String c = cells[i] == null ? "" : cells[i];
			line.append(c.contains(",") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
		}
		return line.append('\n').toString();
	}

}
