package org.gridguard.cockpit;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.TestHttp;
import org.gridguard.control.Category;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.Violation;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number of {@code GET /api/v1/cockpit} equals the total of the list behind it with the same {@code region}
 * (API.md), for the city, every town, a village and a grid; and the read models behind the daily figures agree with
 * the rows they count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitFiguresIntegrationTests {

	private static final String ADMIN = TestHttp.basic("admin", "admin-test-password");

	private static final Pattern TOTAL = Pattern.compile("共 (\\d+) 条");

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegionManagement regions;

	@Autowired
	CheckInRecount recount;

	@Autowired
	Clock clock;

	private TestHttp api;

	private TestHttp admin;

	@BeforeEach
	void waitForTheStartUpRecount() throws InterruptedException {
		assertThat(recount.awaitOpened(Duration.ofMinutes(2))).isTrue();
		api = TestHttp.anonymous(port);
		admin = TestHttp.signedIn(port, "admin", "admin-test-password");
	}

	@Test
	void everyFigureOfTheCityAndOfEachTownEqualsTheTotalOfItsList() throws Exception {
		checkIn("330784001001001", 7);
		var places = new ArrayList<String>();
		places.add(Region.CITY_CODE);
		regions.children(Region.CITY_CODE).forEach(t -> places.add(t.code()));
		for (String place : places) {
			assertThat(disagreements(place)).as("figures of %s", place).isEmpty();
		}
	}

	@Test
	void theFiguresOfTheBusiestVillageAndGridEqualTheirListsToo() throws Exception {
		String grid = jdbc.sql("""
				SELECT region_code FROM control_risk_person WHERE length(region_code) = 15
				AND state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE', 'NOT_FOUND')
				GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""").query(String.class).single();
		assertThat(disagreements(grid.substring(0, 12))).isEmpty();
		assertThat(disagreements(grid)).isEmpty();
		JsonNode figures = figures(grid);
		assertThat(figures.get("riskPersons").get("total").asLong()).isPositive();
		assertThat(figures.get("region").get("level").asString()).isEqualTo("GRID");
	}

	@Test
	void checkInsOfTheDayEqualTheStoredCheckInsAndEachVenuesVisitorLog() throws Exception {
		String village = "330784001001";
		long venue = checkIn(village + "002", 5);
		long stored = storedToday(village);
		assertThat(stored).isGreaterThanOrEqualTo(5);
		assertThat(eventually(() -> figures(village).get("checkinsToday").asLong(), stored)).isEqualTo(stored);
		JsonNode list = json.readTree(api.api("GET", "/api/v1/cockpit/checkins?size=500&region=" + village, null, ADMIN).body());
		assertThat(list.get("checkins").asLong()).isEqualTo(stored);
		long sum = 0;
		for (JsonNode item : list.get("items")) {
			sum += item.get("checkins").asLong();
			if (item.get("venueId").asLong() == venue) {
				String today = LocalDate.now(clock).toString();
				String log = admin.get("/venues/" + venue + "/visits?from=" + today + "&to=" + today).body();
				assertThat(pageTotal(log)).isEqualTo(item.get("checkins").asLong()).isEqualTo(5);
			}
		}
		assertThat(sum).isEqualTo(stored);
	}

	/** The figures of a region that do not equal their list (empty: all agree), read until two readings agree. */
	private List<String> disagreements(String region) throws Exception {
		List<String> wrong = List.of();
		for (int attempt = 0; attempt < 5; attempt++) {
			JsonNode before = figures(region);
			wrong = compare(region, before);
			// the detector and the clock move figures while we read: only a reading that held still counts
			JsonNode after = figures(region);
			if (same(before, after)) {
				return wrong;
			}
			Thread.sleep(500);
		}
		return wrong;
	}

	private static boolean same(JsonNode a, JsonNode b) {
		var x = a.deepCopy();
		var y = b.deepCopy();
		((tools.jackson.databind.node.ObjectNode) x).remove("at");
		((tools.jackson.databind.node.ObjectNode) y).remove("at");
		return x.equals(y);
	}

	private List<String> compare(String region, JsonNode f) throws Exception {
		var wrong = new ArrayList<String>();
		String r = "&region=" + region;
		expect(wrong, "riskPersons.total", f.get("riskPersons").get("total"), total("/api/v1/risk-persons?active=true" + r));
		for (Category c : Category.values()) {
			expect(wrong, "byCategory." + c, f.get("riskPersons").get("byCategory").get(c.name()),
					total("/api/v1/risk-persons?active=true&category=" + c + r));
		}
		for (RiskPerson.State s : RiskPerson.State.values()) {
			expect(wrong, "byState." + s, f.get("riskPersons").get("byState").get(s.name()),
					total("/api/v1/risk-persons?state=" + s + r));
		}
		expect(wrong, "tasks.open", f.get("tasks").get("open"), total("/api/v1/tasks?open=true" + r));
		expect(wrong, "tasks.overdue", f.get("tasks").get("overdue"), total("/api/v1/tasks?overdue=true" + r));
		expect(wrong, "tasks.escalated", f.get("tasks").get("escalated"), total("/api/v1/tasks?open=true&escalated=true" + r));
		JsonNode unmanaged = json.readTree(api.api("GET", "/api/v1/unmanaged?region=" + region, null, ADMIN).body());
		expect(wrong, "unmanaged", f.get("unmanaged"), unmanaged.size());
		for (Violation.Kind k : Violation.Kind.values()) {
			long n = unmanaged.valueStream().filter(v -> v.get("kind").asString().equals(k.name())).count();
			expect(wrong, "unmanagedByReason." + k, f.get("unmanagedByReason").get(k.name()), n);
		}
		JsonNode checkIns = json.readTree(api.api("GET", "/api/v1/cockpit/checkins?region=" + region, null, ADMIN).body());
		expect(wrong, "checkinsToday", f.get("checkinsToday"), checkIns.get("checkins").asLong());
		expect(wrong, "checkinsToday (stored)", f.get("checkinsToday"), storedToday(region));
		expect(wrong, "positivesToday", f.get("positivesToday"),
				pageTotal(admin.get("/cockpit/positives?region=" + region).body()));
		expect(wrong, "venueAlertsToday", f.get("venueAlertsToday"),
				pageTotal(admin.get("/cockpit/alerts?region=" + region).body()));
		expect(wrong, "openInvestigations", f.get("openInvestigations"),
				pageTotal(admin.get("/tracing/investigations?state=OPEN&region=" + region).body()));
		compareQuarantine(wrong, region, f.get("quarantine"));
		JsonNode events = f.get("events");
		expect(wrong, "events.awaitingApproval", events.get("awaitingApproval"),
				total("/api/v1/events?state=PENDING&region=" + region));
		expect(wrong, "events.awaitingApproval (page)", events.get("awaitingApproval"),
				pageTotal(admin.get("/events?state=PENDING&region=" + region).body()));
		expect(wrong, "events.runningToday", events.get("runningToday"), total("/api/v1/events?today=true&region=" + region));
		expect(wrong, "events.overdue", events.get("overdue"), total("/api/v1/events?overdue=true&region=" + region));
		return wrong;
	}

	/** Rooms against the sites list, transfers against the transfer list (API and page), the day's stays. */
	private void compareQuarantine(List<String> wrong, String region, JsonNode q) throws Exception {
		String r = "&region=" + region;
		long rooms = 0;
		long occupied = 0;
		long free = 0;
		for (JsonNode site : json.readTree(api.api("GET", "/api/v1/quarantine/sites?region=" + region, null, ADMIN).body())) {
			rooms += site.get("rooms").asLong();
			occupied += site.get("occupied").asLong();
			free += site.get("free").asLong();
		}
		expect(wrong, "quarantine.rooms", q.get("rooms"), rooms);
		expect(wrong, "quarantine.occupied", q.get("occupied"), occupied);
		expect(wrong, "quarantine.free", q.get("free"), free);
		expect(wrong, "quarantine.transfersPending", q.get("transfersPending"),
				total("/api/v1/quarantine/transfers?state=PENDING" + r));
		expect(wrong, "quarantine.transfersPending (page)", q.get("transfersPending"),
				pageTotal(admin.get("/quarantine/transfers?state=PENDING" + r).body()));
		expect(wrong, "quarantine.transfersOverdue", q.get("transfersOverdue"),
				total("/api/v1/quarantine/transfers?overdue=true" + r));
		JsonNode stays = json.readTree(api.api("GET", "/api/v1/quarantine/stays?size=500" + r, null, ADMIN).body());
		assertThat(stays.get("total").asLong()).as("stays on one page").isLessThanOrEqualTo(500);
		OffsetDateTime midnight = LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
		long admitted = 0;
		long released = 0;
		for (JsonNode stay : stays.get("items")) {
			if (!OffsetDateTime.parse(stay.get("admittedAt").asString()).isBefore(midnight)) {
				admitted++;
			}
			if (stay.get("state").asString().equals("RELEASED")
					&& !OffsetDateTime.parse(stay.get("endedAt").asString()).isBefore(midnight)) {
				released++;
			}
		}
		expect(wrong, "quarantine.admittedToday", q.get("admittedToday"), admitted);
		expect(wrong, "quarantine.releasedToday", q.get("releasedToday"), released);
	}

	private static void expect(List<String> wrong, String name, JsonNode figure, long listTotal) {
		if (figure == null || figure.asLong() != listTotal) {
			wrong.add(name + ": cockpit " + figure + ", list " + listTotal);
		}
	}

	private long total(String path) throws Exception {
		HttpResponse<String> response = api.api("GET", path + "&size=1", null, ADMIN);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return json.readTree(response.body()).get("total").asLong();
	}

	private static long pageTotal(String page) {
		Matcher m = TOTAL.matcher(page);
		assertThat(m.find()).as("a paged list").isTrue();
		return Long.parseLong(m.group(1));
	}

	private JsonNode figures(String region) throws Exception {
		HttpResponse<String> response = api.api("GET", "/api/v1/cockpit?region=" + region, null, ADMIN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private long storedToday(String region) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("""
				SELECT count(*) FROM venue_check_in c JOIN venue v ON v.id = c.venue_id
				WHERE c.at >= ? AND c.at < ? AND v.region_code LIKE ?""")
			.params(Timestamp.from(today.atStartOfDay(clock.getZone()).toInstant()),
					Timestamp.from(today.plusDays(1).atStartOfDay(clock.getZone()).toInstant()), region + "%")
			.query(Long.class)
			.single();
	}

	/** Registers a venue in a grid and checks {@code n} new persons in there in the last hour; returns the venue. */
	private long checkIn(String grid, int n) throws Exception {
		return CockpitFixtures.venueWithCheckIns(api, json, grid, n, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)
			.minusMinutes(30));
	}

	private interface Reading {

		long read() throws Exception;

	}

	/** Reads until the value is {@code expected} (the feed counts a check-in just after its commit), at most 10 s. */
	private static long eventually(Reading reading, long expected) throws Exception {
		long value = reading.read();
		for (int i = 0; i < 100 && value != expected; i++) {
			Thread.sleep(100);
			value = reading.read();
		}
		return value;
	}

}
