package org.gridguard.gathering;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.gridguard.account.AccountManagement;
import org.gridguard.account.NewAccount;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.DemoDataContributor;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's meetings and events, one in every state: a trade fair awaiting the town's review (the department
 * has filed it), a filing past its deadline and escalated, an approved meeting next week, one running today with its
 * attendee list checked (some should not attend), one held last week, an indoor gala refused under the rules, one
 * rejected by the town, one withdrawn, and a small gathering needing no filing. Two organizer units of 东城街道, the
 * first with the demo account {@code organizer}. Filed through the module's own use cases; times are then moved
 * (as the tests do) so that some events run today or lie in the past.
 */
@Component
class GatheringDemoData implements DemoDataContributor {

	static final String TOWN = "330784001";

	private final Filings filings;

	private final Approvals approvals;

	private final Attendees attendees;

	private final Organizers organizers;

	private final AccountManagement accounts;

	private final PersonManagement persons;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String password;

	GatheringDemoData(Filings filings, Approvals approvals, Attendees attendees, Organizers organizers,
			AccountManagement accounts, PersonManagement persons, JdbcClient jdbc, Clock clock,
			@Value("${gridguard.demo.password}") String password) {
		this.filings = filings;
		this.approvals = approvals;
		this.attendees = attendees;
		this.organizers = organizers;
		this.accounts = accounts;
		this.persons = persons;
		this.jdbc = jdbc;
		this.clock = clock;
		this.password = password;
	}

	@Override
	public String key() {
		return "gathering.events.v1";
	}

	@Override
	public int order() {
		return 650;
	}

	@Override
	public void load() {
		Jurisdiction city = Jurisdiction.system();
		Jurisdiction town = new Jurisdiction("town", Role.TOWN_OFFICER, TOWN, null, null, null);
		Jurisdiction commerce = new Jurisdiction("commerce", Role.DEPARTMENT, "330784", "COMMERCE", null, null);
		Organizers.Organizer chamber = organizers.register("永康市五金城商会", TOWN, "应国华", "13957900011", city);
		Organizers.Organizer station = organizers.register("东城街道文化站", TOWN, "胡丽君", "13957900012", city);
		accounts.create(new NewAccount("organizer", "五金城商会 应国华", null, Role.ORGANIZER, TOWN, null, null, null,
				password, false, chamber.id()), city);
		jdbc.sql("UPDATE account_user SET demo = true WHERE username = 'organizer'").update();
		Jurisdiction organizer = new Jurisdiction("organizer", Role.ORGANIZER, TOWN, null, null, null, chamber.id());
		Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);

		long fair = file(organizer, chamber.id(), "五金城春季采购洽谈会", 180, true, now.plus(Duration.ofDays(10)), true);
		decideFirst(fair, commerce, true, "已备案，请落实扫码测温");

		long overdue = file(organizer, chamber.id(), "会员单位年度座谈会", 60, true, now.plus(Duration.ofDays(6)), false);
		jdbc.sql("UPDATE gathering_step SET due_at = ? WHERE event_id = ?")
			.params(Timestamp.from(now.minus(Duration.ofHours(3))), overdue)
			.update();
		approvals.escalate(now);

		long nextWeek = file(organizer, chamber.id(), "五金产品质量培训会", 80, true, now.plus(Duration.ofDays(7)), true);
		decideFirst(nextWeek, commerce, true, "同意备案");
		decideFirst(nextWeek, town, true, "同意备案");

		long running = file(city, station.id(), "东城街道全民健身广场舞展演", 90, false, now.plus(Duration.ofDays(5)), true);
		decideFirst(running, commerce, true, "同意备案");
		decideFirst(running, town, true, "同意");
		moveTo(running, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(6)));
		importAttendees(running, city);

		long past = file(city, station.id(), "社区志愿者表彰会", 70, true, now.plus(Duration.ofDays(4)), true);
		decideFirst(past, commerce, true, "同意备案");
		decideFirst(past, town, true, "同意");
		moveTo(past, now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)).plus(Duration.ofHours(3)));

		file(organizer, chamber.id(), "商会新春联欢晚会", 350, true, now.plus(Duration.ofDays(20)), true);

		long rejected = file(city, station.id(), "迎新春文艺汇演", 150, true, now.plus(Duration.ofDays(12)), true);
		decideFirst(rejected, commerce, true, "已备案");
		decideFirst(rejected, town, false, "辖区近期有本土病例，建议改为线上直播");

		long withdrawn = file(organizer, chamber.id(), "会员企业参观交流活动", 55, false, now.plus(Duration.ofDays(8)), true);
		approvals.cancel(withdrawn, organizer);

		file(city, station.id(), "文化站书法兴趣小组活动", 15, true, now.plus(Duration.ofDays(3)), false);
	}

	private long file(Jurisdiction who, long unit, String name, int headcount, boolean indoor, Instant startsAt,
			boolean withPlan) {
		OffsetDateTime start = startsAt.atZone(clock.getZone()).toOffsetDateTime();
		var input = new NewGathering(name, unit, null, "应国华", "13957900011", TOWN, "东城街道五金城会展中心",
				"COMMERCE", start.toString(), start.plusHours(3).toString(), headcount, indoor,
				"需现场展示样品并签订合同，线上无法完成；已压缩规模并分时段入场");
		byte[] plan = "%PDF-1.4\n% 疫情防控方案（演示）\n".getBytes(StandardCharsets.UTF_8);
		return filings.file(input, withPlan ? new Upload("疫情防控方案.pdf", plan.length, () -> plan) : null, who)
			.event()
			.id();
	}

	private void decideFirst(long eventId, Jurisdiction who, boolean approve, String note) {
		Step open = filingsSteps(eventId).stream().filter(s -> s.state() == Step.State.PENDING).findFirst().orElseThrow();
		approvals.decide(eventId, open.id(), approve, note, who);
	}

	private List<Step> filingsSteps(long eventId) {
		return jdbc.sql("SELECT * FROM gathering_step WHERE event_id = ? ORDER BY position")
			.param(eventId)
			.query(GatheringQueries.STEP)
			.list();
	}

	private void moveTo(long eventId, Instant startsAt, Instant endsAt) {
		jdbc.sql("UPDATE gathering_event SET starts_at = ?, ends_at = ? WHERE id = ?")
			.params(Timestamp.from(startsAt), Timestamp.from(endsAt), eventId)
			.update();
	}

	/** Six residents of the demo grid and two persons under control, and one row with a wrong number. */
	private void importAttendees(long eventId, Jurisdiction who) {
		List<Long> residents = jdbc.sql("SELECT id FROM person WHERE region_code LIKE '330784001001%' ORDER BY id LIMIT 6")
			.query(Long.class)
			.list();
		List<Long> controlled = jdbc.sql("""
				SELECT person_id FROM control_risk_person WHERE state IN ('PENDING', 'CONTROLLED') ORDER BY id LIMIT 2""")
			.query(Long.class)
			.list();
		var ids = new java.util.ArrayList<Long>(residents);
		ids.addAll(controlled);
		Map<Long, String> numbers = persons.idNumbersOf(ids);
		var csv = new StringBuilder("姓名,身份证号,手机号,近14天旅居地\n");
		int i = 0;
		for (Long id : ids) {
			String number = numbers.get(id);
			String name = persons.find(id).map(p -> p.name()).orElse("参会人员");
			if (number != null) {
				csv.append(name).append(',').append(number).append(",,").append(i++ == 1 ? "永康市东城街道" : "").append('\n');
			}
		}
		csv.append("王某,33078419900101123X,,\n");
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		attendees.importList(eventId, new Upload("参会名单.csv", bytes.length, () -> bytes), who);
	}

}
