package org.gridguard.gathering;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.gridguard.account.AccountManagement;
import org.gridguard.account.NewAccount;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;

/** Filings, accounts and plans for the meetings-and-events tests. */
final class GatheringFixtures {

	static final String PASSWORD = "Gathering-Test-2026!x";

	static final String TOWN = "330784001";

	static final String OTHER_TOWN = "330784002";

	private final Filings filings;

	private final AccountManagement accounts;

	private final Clock clock;

	GatheringFixtures(Filings filings, AccountManagement accounts, Clock clock) {
		this.filings = filings;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A JSON filing starting in {@code days} days, for three hours. */
	String json(String name, int headcount, boolean indoor, int days, String whyNotOnline) {
		OffsetDateTime start = OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(days)), clock.getZone())
			.withNano(0);
		return """
				{"name":"%s","organizer":"测试举办单位","responsiblePerson":"负责人","responsiblePhone":"13905791234",
				"townCode":"%s","address":"测试路8号礼堂","startsAt":"%s","endsAt":"%s","expectedHeadcount":%d,
				"indoor":%s,"whyNotOnline":"%s","sector":"COMMERCE"}""".formatted(name, TOWN, start, start.plusHours(3),
				headcount, indoor, whyNotOnline);
	}

	/** Files an event through the use case, with a plan. */
	Gathering file(String name, int headcount, boolean indoor, Jurisdiction who) {
		OffsetDateTime start = OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(20)), clock.getZone());
		byte[] plan = plan();
		return filings.file(new NewGathering(name, null, "测试举办单位", "负责人", "13905791234", TOWN, "测试路8号礼堂",
				"COMMERCE", start.toString(), start.plusHours(3).toString(), headcount, indoor, "需现场签约"),
				new Upload("防控方案.pdf", plan.length, () -> plan), who)
			.event();
	}

	static byte[] plan() {
		return "%PDF-1.4\n% test plan\n".getBytes(StandardCharsets.UTF_8);
	}

	/** An account (created once) and its jurisdiction. */
	Jurisdiction account(String username, Role role, String region, String sector, Long organizerId) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewAccount(username, username, null, role, region, sector, null, null, PASSWORD, false,
					organizerId), Jurisdiction.system());
		}
		return accounts.find(username).orElseThrow().jurisdiction();
	}

}
