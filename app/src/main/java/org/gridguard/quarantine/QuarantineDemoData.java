package org.gridguard.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.gridguard.control.ControlQueries;
import org.gridguard.control.MeasureApplied;
import org.gridguard.control.MeasureKind;
import org.gridguard.control.RiskPerson;
import org.gridguard.platform.DemoDataContributor;
import org.gridguard.platform.DemoNames;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.Paging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Five quarantine sites around the city (健康驿站 and hotels in 东城, 西城, 江南 and 石柱) with rooms, working groups and
 * closed-loop staff; the demo's close contacts under central isolation admitted at the site of their town, at
 * different days of their stay, with this morning's checks, a few release samples and care requests; two transfers
 * still pending (one past its deadline); and the site-staff account {@code site} at 东城健康驿站.
 */
@Component
class QuarantineDemoData implements DemoDataContributor {

	/** The demo sites: town, name, kind, single rooms per floor, floors, multi-person rooms, barrier-free rooms. */
	private record DemoSite(String town, String name, Site.Kind kind, int perFloor, int floors, int multi,
			int accessible, String address) {
	}

	private static final List<DemoSite> SITES = List.of(
			new DemoSite("330784001", "东城健康驿站", Site.Kind.STATION, 10, 3, 4, 2, "永康市东城街道九铃东路 1288 号"),
			new DemoSite("330784001", "永康宾馆隔离点", Site.Kind.HOTEL, 8, 2, 2, 1, "永康市东城街道华溪北路 66 号"),
			new DemoSite("330784002", "西城健康驿站", Site.Kind.STATION, 8, 3, 3, 1, "永康市西城街道城西新区 8 号"),
			new DemoSite("330784003", "江南隔离酒店", Site.Kind.HOTEL, 8, 3, 2, 1, "永康市江南街道永康大道 300 号"),
			new DemoSite("330784105", "石柱健康驿站", Site.Kind.STATION, 6, 2, 2, 1, "永康市石柱镇石柱路 18 号"));

	private final SiteRegistry registry;

	private final SiteQueries queries;

	private final Transfers transfers;

	private final Admissions admissions;

	private final SiteChecks checks;

	private final SiteStaff staff;

	private final Care care;

	private final ControlQueries control;

	private final RegionManagement regions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String password;

	QuarantineDemoData(SiteRegistry registry, SiteQueries queries, Transfers transfers, Admissions admissions,
			SiteChecks checks, SiteStaff staff, Care care, ControlQueries control, RegionManagement regions,
			JdbcClient jdbc, Clock clock, @Value("${gridguard.demo.password}") String password) {
		this.registry = registry;
		this.queries = queries;
		this.transfers = transfers;
		this.admissions = admissions;
		this.checks = checks;
		this.staff = staff;
		this.care = care;
		this.control = control;
		this.regions = regions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.password = password;
	}

	@Override
	public String key() {
		return "quarantine.sites.v1";
	}

	@Override
	public int order() {
		return 600;
	}

	@Override
	public void load() {
		var random = new SplittableRandom(20220106);
		Jurisdiction city = Jurisdiction.system();
		var sites = new ArrayList<Site>();
		for (DemoSite d : SITES) {
			if (regions.find(d.town()).isEmpty()) {
				continue;
			}
			sites.add(site(d, random, city));
		}
		if (sites.isEmpty()) {
			return;
		}
		registry.createStaffAccount(sites.get(0).id(), "site", "东城健康驿站 健康观察组 应丽娟", password, city);
		jdbc.sql("UPDATE account_user SET demo = true WHERE username = ?").param("site").update();
		List<Long> pending = openTransfers(city);
		admit(pending, sites, random, city);
	}

	private Site site(DemoSite d, SplittableRandom random, Jurisdiction city) {
		var rooms = new ArrayList<NewSite.NewRoom>();
		for (int floor = 2; floor < 2 + d.floors(); floor++) {
			for (int n = 1; n <= d.perFloor(); n++) {
				rooms.add(new NewSite.NewRoom(floor + "%02d".formatted(n), "A", floor, 1, Site.RoomKind.SINGLE));
			}
		}
		for (int n = 1; n <= d.multi(); n++) {
			rooms.add(new NewSite.NewRoom("1%02d".formatted(n), "A", 1, 3, Site.RoomKind.MULTI));
		}
		for (int n = 1; n <= d.accessible(); n++) {
			rooms.add(new NewSite.NewRoom("1%02d".formatted(50 + n), "A", 1, 2, Site.RoomKind.ACCESSIBLE));
		}
		String head = DemoNames.fullName(random, random.nextBoolean());
		Site site = registry.register(new NewSite(d.name(), d.kind().name(), d.town(), d.address(),
				regions.nameOf(d.town()) + "人民政府", head, DemoNames.mobile(random),
				"生活区：北侧一层；医学观察区：A 座 2 层以上；物资保障供应区：东侧裙楼。工作人员通道走东门，隔离人员通道走西门，互不交叉；医疗废物经北侧专用通道转运。",
				rooms), city);
		for (Site.Team team : Site.Team.values()) {
			boolean male = random.nextBoolean();
			registry.setGroup(site.id(), team, DemoNames.fullName(random, male), DemoNames.mobile(random), city);
		}
		LocalDate today = LocalDate.now(clock);
		for (int i = 0; i < 8; i++) {
			Site.Team team = Site.Team.values()[i % Site.Team.values().length];
			long member = staff.add(site.id(), DemoNames.fullName(random, random.nextBoolean()), team, null, city);
			staff.startShift(site.id(), member, today.minusDays(3 + random.nextInt(5)), 14, city);
			// one member of each site has not been tested since yesterday
			staff.tested(site.id(), member, i == 5 ? today.minusDays(2) : today, city);
		}
		return site;
	}

	/**
	 * Transfer orders for everyone under central isolation (the listener does the same when it receives the measure
	 * events; the order of a measure is opened once).
	 */
	private List<Long> openTransfers(Jurisdiction city) {
		var controlled = control.riskPersons(new ControlQueries.RiskPersonFilter(null, RiskPerson.State.CONTROLLED, null,
				null, null, false), city, new Paging(0, 500)).items();
		for (RiskPerson p : controlled) {
			if (p.measure() != MeasureKind.CENTRAL_ISOLATION || p.controlledAt() == null || p.planStart() == null) {
				continue;
			}
			transfers.open(new MeasureApplied(p.id(), p.personId(), p.category(), String.valueOf(p.protocolId()),
					MeasureKind.CENTRAL_ISOLATION, p.regionCode(), p.planStart(), p.planStart(), p.controlledAt()));
		}
		// the listener may have opened some of them already
		return jdbc.sql("SELECT id FROM quarantine_transfer WHERE state = 'PENDING' ORDER BY id").query(Long.class).list();
	}

	private boolean hasFreeSingle(Site site) {
		return queries.rooms(site.id())
			.stream()
			.anyMatch(r -> r.state() == Site.RoomState.FREE && r.kind() == Site.RoomKind.SINGLE);
	}

	private void admit(List<Long> pending, List<Site> sites, SplittableRandom random, Jurisdiction city) {
		Instant now = clock.instant();
		int left = 0;
		for (Long transferId : pending) {
			Transfer transfer = queries.findTransfer(transferId).orElseThrow();
			if (left < 2) {
				// two are still on their way; the first one is past its deadline
				if (left == 0) {
					jdbc.sql("UPDATE quarantine_transfer SET due_at = ?, created_at = ? WHERE id = ?")
						.params(Timestamp.from(now.minus(Duration.ofHours(2))), Timestamp.from(now.minus(Duration.ofHours(14))),
								transferId)
						.update();
				}
				left++;
				continue;
			}
			// a free single room takes anyone, so a site with one never refuses (a refusal would spoil the load)
			Site site = sites.stream()
				.filter(s -> transfer.regionCode().startsWith(s.townCode()) && hasFreeSingle(s))
				.findFirst()
				.orElseGet(() -> sites.stream().filter(this::hasFreeSingle).findFirst().orElse(null));
			if (site == null) {
				break;
			}
			Admissions.Admission admission = admissions.admit(transferId, site.id(), null, null, city);
			Stay stay = queries.findStay(admission.stayId()).orElseThrow();
			RiskPerson person = control.riskPerson(stay.riskPersonId(), city);
			if (person.state() != RiskPerson.State.CONTROLLED) {
				continue;
			}
			// admitted on the day their plan began, in the afternoon: residents are at different days of their stay
			Instant admittedAt = person.planStart() == null ? now
					: person.planStart().atTime(15, random.nextInt(60)).atZone(clock.getZone()).toInstant();
			if (admittedAt.isBefore(now)) {
				jdbc.sql("UPDATE quarantine_stay SET admitted_at = ? WHERE id = ?")
					.params(Timestamp.from(admittedAt), stay.id())
					.update();
			}
			var today = checks.today(stay);
			boolean amDone = today.stream().anyMatch(i -> "AM".equals(i.slot()) && i.doneAt() != null);
			if (!amDone && random.nextInt(100) < 80) {
				checks.recordCheck(stay.id(), "AM", 36.1 + random.nextInt(9) / 10.0, null,
						new Jurisdiction("site", org.gridguard.region.Role.SITE_STAFF, site.townCode(), null, null, site.id()));
			}
			int roll = random.nextInt(100);
			if (roll < 12) {
				care.request(stay.id(), Care.Kind.values()[random.nextInt(Care.Kind.values().length)],
						roll < 4 ? "需要降压药（硝苯地平）" : roll < 8 ? "想和家人视频，情绪低落" : "需要清真餐", city);
			}
			else if (roll < 18) {
				checks.recordSample(stay.id(), "PERSON", "NEGATIVE", city);
				checks.recordSample(stay.id(), "OBJECTS", "NEGATIVE", city);
			}
		}
	}

}
