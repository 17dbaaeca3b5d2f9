package org.gridguard.venue;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.gridguard.account.AccountManagement;
import org.gridguard.account.NewAccount;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.person.PersonQuery;
import org.gridguard.platform.DemoDataContributor;
import org.gridguard.platform.DemoNames;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.gridguard.region.Role;
import org.gridguard.shared.IdNumber;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The demo venues of 永康市 (about 300 across the 14 towns and streets: malls such as 华联商厦 and 宝龙广场,
 * markets, hospitals, schools, care homes, pharmacies, factories …), their managers, a few staff rosters, the demo
 * venue-manager accounts, and two weeks of check-ins of the demo residents (most in their own town, the rest in the
 * city centre), written with COPY. Deterministic: every random choice comes from a fixed seed.
 */
@Component
class VenueDemoData implements DemoDataContributor {

	/** 东城街道: the city centre, where the big malls, hospitals and stations are. */
	private static final String CENTRE = "330784001";

	private final VenueManagement venues;

	private final StaffRoster roster;

	private final RegionManagement regions;

	private final PersonManagement persons;

	private final StatusManagement status;

	private final AccountManagement accounts;

	private final InProcessCheckInFeed feed;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Clock clock;

	private final VenueProperties properties;

	private final String password;

	VenueDemoData(VenueManagement venues, StaffRoster roster, RegionManagement regions, PersonManagement persons,
			StatusManagement status, AccountManagement accounts, InProcessCheckInFeed feed, JdbcClient jdbc,
			DataSource dataSource, Clock clock, VenueProperties properties,
			@Value("${gridguard.demo.password}") String password) {
		this.venues = venues;
		this.roster = roster;
		this.regions = regions;
		this.persons = persons;
		this.status = status;
		this.accounts = accounts;
		this.feed = feed;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
		this.properties = properties;
		this.password = password;
	}

	@Override
	public String key() {
		return "venue.venues-and-check-ins.v1";
	}

	@Override
	public int order() {
		return 400;
	}

	/** The care home and the sentinel pharmacy of the demo accounts {@code carehome} and {@code pharmacy}. */
	static final String CARE_HOME = "东城敬老院";

	static final String PHARMACY = "老百姓大药房（东城店）";

	private record Planned(String name, VenueCategory category, String townCode) {
	}

	@Override
	public void load() {
		var random = new SplittableRandom(20211221);
		Jurisdiction system = Jurisdiction.system();
		List<Region> towns = regions.children(Region.CITY_CODE);
		if (towns.isEmpty()) {
			return;
		}
		var planned = new ArrayList<Planned>();
		for (String[] v : CITY_VENUES) {
			planned.add(new Planned(v[0], VenueCategory.valueOf(v[1]), v[2]));
		}
		for (Region town : towns) {
			String t = town.name().replace("街道", "").replace("镇", "");
			planned.add(new Planned(t + "农贸市场", VenueCategory.MARKET, town.code()));
			planned.add(new Planned(t + "菜市场", VenueCategory.MARKET, town.code()));
			planned.add(new Planned(town.name().endsWith("街道") ? t + "社区卫生服务中心" : t + "卫生院", VenueCategory.MEDICAL,
					town.code()));
			planned.add(new Planned(t + "中心小学", VenueCategory.SCHOOL, town.code()));
			planned.add(new Planned(t + "初级中学", VenueCategory.SCHOOL, town.code()));
			planned.add(new Planned(t + "敬老院", VenueCategory.CARE_HOME, town.code()));
			planned.add(new Planned("老百姓大药房（" + t + "店）", VenueCategory.PHARMACY, town.code()));
			planned.add(new Planned("华东大药房（" + t + "店）", VenueCategory.PHARMACY, town.code()));
			planned.add(new Planned(t + "人民药店", VenueCategory.PHARMACY, town.code()));
			planned.add(new Planned("世纪联华（" + t + "店）", VenueCategory.MALL_SUPERMARKET, town.code()));
			planned.add(new Planned(t + "好又多超市", VenueCategory.MALL_SUPERMARKET, town.code()));
			planned.add(new Planned("中通快递" + t + "网点", VenueCategory.DELIVERY, town.code()));
			planned.add(new Planned("顺丰速运" + t + "营业部", VenueCategory.DELIVERY, town.code()));
			planned.add(new Planned(t + "文化礼堂", VenueCategory.CULTURE_SPORTS, town.code()));
			planned.add(new Planned(t + "宾馆", VenueCategory.HOTEL, town.code()));
			planned.add(new Planned(t + "冷库", VenueCategory.COLD_CHAIN, town.code()));
			for (int i = 0; i < 4; i++) {
				planned.add(new Planned("永康市" + FIRMS[random.nextInt(FIRMS.length)] + INDUSTRIES[random.nextInt(INDUSTRIES.length)]
						+ "有限公司", VenueCategory.WORKSITE, town.code()));
			}
			planned.add(new Planned(t + "健康驿站", VenueCategory.QUARANTINE_SITE, town.code()));
		}
		// venues by town, for choosing where residents go
		var byTown = new java.util.HashMap<String, List<long[]>>();
		var centre = new ArrayList<long[]>();
		long hualian = 0;
		long careHome = 0;
		long pharmacy = 0;
		var usedNames = new java.util.HashSet<String>();
		for (Planned p : planned) {
			if (!usedNames.add(p.name())) {
				continue;
			}
			List<Region> grids = regions.gridsBelow(p.townCode());
			String place = grids.isEmpty() ? p.townCode() : grids.get(random.nextInt(grids.size())).code();
			boolean male = random.nextBoolean();
			Venue venue = venues.register(new NewVenue(p.name(), p.category().name(), place,
					regions.fullName(place.substring(0, Math.min(12, place.length()))).replace(" ", "") + (1 + random.nextInt(300)) + "号", capacity(p.category(), random),
					null, p.name(), DemoNames.fullName(random, male), DemoNames.mobile(random),
					DemoNames.fullName(random, !male), DemoNames.mobile(random)), system);
			// weight: how many visitors a venue draws
			long weight = switch (p.category()) {
				case MALL_SUPERMARKET, MARKET -> 8;
				case MEDICAL, TRANSPORT_HUB -> 5;
				case PHARMACY, CULTURE_SPORTS, SCHOOL, WORKSITE -> 2;
				default -> 1;
			};
			long[] entry = { venue.id(), weight };
			byTown.computeIfAbsent(p.townCode(), k -> new ArrayList<>()).add(entry);
			if (p.townCode().equals(CENTRE) || p.category() == VenueCategory.TRANSPORT_HUB
					|| p.category() == VenueCategory.MEDICAL && p.townCode().equals(CENTRE)) {
				centre.add(entry);
			}
			if (p.name().equals("华联商厦")) {
				hualian = venue.id();
			}
			// the demo accounts are bound to the places their names say
			if (p.name().equals(CARE_HOME)) {
				careHome = venue.id();
			}
			if (p.name().equals(PHARMACY)) {
				pharmacy = venue.id();
			}
		}
		managerAccount("venue", "华联商厦 场所负责人 应国平", hualian, system);
		managerAccount("carehome", CARE_HOME + " 院长 胡雅琴", careHome, system);
		managerAccount("pharmacy", PHARMACY + " 店长 吕晓东", pharmacy, system);
		staff(hualian, random, 8, system);
		staff(careHome, random, 6, system);
		checkIns(random, byTown, centre);
	}

	private void managerAccount(String username, String name, long venueId, Jurisdiction system) {
		if (venueId == 0) {
			return;
		}
		Venue venue = venues.find(venueId).orElseThrow();
		accounts.create(new NewAccount(username, name, null, Role.VENUE_MANAGER, venue.regionCode(), null, venueId, null,
				password, false), system);
		jdbc.sql("UPDATE account_user SET demo = true WHERE username = ?").param(username).update();
	}

	private void staff(long venueId, SplittableRandom random, int count, Jurisdiction system) {
		if (venueId == 0) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		for (int i = 0; i < count; i++) {
			boolean male = random.nextBoolean();
			LocalDate birth = today.minusYears(22 + random.nextInt(35)).minusDays(random.nextInt(365));
			String first17 = "330784" + birth.toString().replace("-", "") + "%03d".formatted(900 + i * 2 + (male ? 1 : 0));
			roster.add(venueId, DemoNames.fullName(random, male), first17 + IdNumber.checkCharacter(first17),
					DemoNames.mobile(random), i == 0 ? "负责人" : STAFF_POSTS[random.nextInt(STAFF_POSTS.length)], system);
		}
		jdbc.sql("UPDATE venue_staff SET last_test_on = ? WHERE venue_id = ? AND id % 4 <> 0")
			.params(java.sql.Date.valueOf(today.minusDays(1)), venueId)
			.update();
	}

	/** Two weeks of check-ins: each resident visits about 1.2 venues a day between 07:00 and 21:00. */
	private void checkIns(SplittableRandom random, java.util.Map<String, List<long[]>> byTown, List<long[]> centre) {
		var people = new ArrayList<long[]>();
		int page = 0;
		PageResult<Person> result;
		do {
			result = persons.search(Jurisdiction.system(), new PersonQuery(null, Region.CITY_CODE, "recent"),
					new Paging(page++, Paging.MAX_SIZE));
			for (Person p : result.items()) {
				if (p.regionCode() != null && p.regionCode().length() >= 9) {
					people.add(new long[] { p.id(), Long.parseLong(p.regionCode().substring(0, 9)) });
				}
			}
		}
		while (result.hasNext());
		if (people.isEmpty()) {
			return;
		}
		people.sort(java.util.Comparator.comparingLong(a -> a[0]));
		long[] ids = people.stream().mapToLong(a -> a[0]).toArray();
		StatusColour[] colours = status.colours(ids);
		var picker = new java.util.HashMap<String, long[]>();
		byTown.forEach((town, list) -> picker.put(town, expand(list)));
		long[] central = expand(centre);
		ZoneId zone = clock.getZone();
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		long maxStay = properties.maxStay().getSeconds();
		long defaultStay = properties.defaultStay().getSeconds();
		int chunk = 100_000;
		CheckInBatch batch = new CheckInBatch(chunk);
		int n = 0;
		for (int d = 13; d >= 0; d--) {
			long dayStart = today.minusDays(d).atStartOfDay(zone).toEpochSecond();
			for (int p = 0; p < ids.length; p++) {
				int visits = visitsToday(random);
				long[] own = picker.get(String.valueOf(people.get(p)[1]));
				for (int v = 0; v < visits; v++) {
					long[] pool = own == null || random.nextInt(100) < 25 ? central : own;
					long venue = pool[random.nextInt(pool.length)];
					long at = dayStart + 7 * 3600 + random.nextInt(14 * 3600);
					if (at >= now.getEpochSecond()) {
						continue;
					}
					long left = random.nextInt(100) < 40 ? at + 300 + random.nextInt(2 * 3600) : Long.MIN_VALUE;
					long until = Math.min(left == Long.MIN_VALUE ? at + defaultStay : left, at + maxStay);
					byte via = random.nextInt(100) < 5 ? CheckInBatch.COMPANION : CheckInBatch.SCAN;
					batch.set(n, ids[p], venue, at, left, until, via);
					batch.colour[n] = colours[p];
					batch.refusal[n] = colours[p].admitted() ? CheckInBatch.ADMITTED : CheckInBatch.REFUSED_COLOUR;
					if (++n == chunk) {
						write(batch, n);
						batch = new CheckInBatch(chunk);
						n = 0;
					}
				}
			}
		}
		if (n > 0) {
			write(batch, n);
		}
	}

	private void write(CheckInBatch full, int n) {
		CheckInBatch batch = n == full.size ? full : trimmed(full, n);
		var out = new CopyBuffer(n * 96);
		for (int i = 0; i < n; i++) {
			out.row(batch, i);
		}
		Connection con = DataSourceUtils.getConnection(dataSource);
		try {
			con.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY venue_check_in (at, until, venue_id, person_id, left_at, colour, admitted, channel) FROM STDIN",
						new ByteArrayInputStream(out.bytes, 0, out.length));
		}
		catch (SQLException | java.io.IOException ex) {
			throw new IllegalStateException("demo check-ins not written: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(con, dataSource);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					feed.publish(batch);
				}
			});
		}
	}

	private static CheckInBatch trimmed(CheckInBatch full, int n) {
		var batch = new CheckInBatch(n);
		for (int i = 0; i < n; i++) {
			batch.set(i, full.person[i], full.venue[i], full.at[i], full.leftAt[i], full.until[i], full.channel[i]);
			batch.colour[i] = full.colour[i];
			batch.refusal[i] = full.refusal[i];
		}
		return batch;
	}

	/** 0 to 3 visits, about 1.2 on average. */
	private static int visitsToday(SplittableRandom random) {
		int r = random.nextInt(100);
		return r < 25 ? 0 : r < 65 ? 1 : r < 90 ? 2 : 3;
	}

	/** Venue ids repeated by weight, so that a uniform pick favours busy venues. */
	private static long[] expand(List<long[]> weighted) {
		int total = 0;
		for (long[] w : weighted) {
			total += (int) w[1];
		}
		long[] ids = new long[total];
		int k = 0;
		for (long[] w : weighted) {
			for (int i = 0; i < w[1]; i++) {
				ids[k++] = w[0];
			}
		}
		return ids;
	}

	private static Integer capacity(VenueCategory category, SplittableRandom random) {
		return switch (category) {
			case MALL_SUPERMARKET -> 500 + random.nextInt(3000);
			case MARKET, TRANSPORT_HUB, MEDICAL -> 300 + random.nextInt(2000);
			case SCHOOL, WORKSITE -> 200 + random.nextInt(1500);
			case CARE_HOME, WELFARE_HOME, MENTAL_HEALTH, DETENTION, QUARANTINE_SITE, HOTEL -> 50 + random.nextInt(200);
			default -> 20 + random.nextInt(100);
		};
	}

	private static final String[][] CITY_VENUES = {
			{ "华联商厦", "MALL_SUPERMARKET", CENTRE }, { "宝龙广场", "MALL_SUPERMARKET", "330784003" },
			{ "永康银泰百货", "MALL_SUPERMARKET", CENTRE }, { "万达广场", "MALL_SUPERMARKET", "330784002" },
			{ "华润万家（江南店）", "MALL_SUPERMARKET", "330784003" }, { "物美超市（西城店）", "MALL_SUPERMARKET", "330784002" },
			{ "中国科技五金城", "MARKET", CENTRE }, { "永康总部中心农贸市场", "MARKET", "330784003" },
			{ "永康市第一人民医院", "MEDICAL", CENTRE }, { "永康市中医院", "MEDICAL", CENTRE },
			{ "永康市妇幼保健院", "MEDICAL", "330784002" }, { "永康市第二人民医院", "MEDICAL", "330784003" },
			{ "永康医院", "MEDICAL", CENTRE }, { "永康火车站", "TRANSPORT_HUB", CENTRE },
			{ "永康南站", "TRANSPORT_HUB", "330784003" }, { "永康汽车客运中心", "TRANSPORT_HUB", CENTRE },
			{ "永康公交总站", "TRANSPORT_HUB", "330784002" }, { "永康国际大酒店", "HOTEL", CENTRE },
			{ "永康市第一中学", "SCHOOL", CENTRE }, { "永康市体育中心", "CULTURE_SPORTS", "330784003" },
			{ "万达影城", "CULTURE_SPORTS", "330784002" }, { "永康市图书馆", "CULTURE_SPORTS", CENTRE },
			{ "永康市冷链集中监管仓", "COLD_CHAIN", "330784003" }, { "永康市社会福利中心", "CARE_HOME", CENTRE },
			{ "永康市儿童福利院", "WELFARE_HOME", "330784002" }, { "永康市精神康复医院", "MENTAL_HEALTH", "330784003" },
			{ "永康市看守所", "DETENTION", "330784002" }, { "永康市拘留所", "DETENTION", "330784002" } };

	private static final String[] FIRMS = { "恒达", "精工", "正阳", "华鑫", "金盾", "联创", "顺发", "瑞丰", "宏泰",
			"永固", "博远", "天力", "新锐", "振兴", "康鑫", "力拓", "中源", "群升" };

	private static final String[] INDUSTRIES = { "五金制品", "工贸", "电动工具", "门业", "杯业", "车业", "机械",
			"不锈钢制品", "厨具", "家居用品" };

	private static final String[] STAFF_POSTS = { "收银员", "保安", "保洁", "导购", "护理员", "厨师", "理货员" };

}
