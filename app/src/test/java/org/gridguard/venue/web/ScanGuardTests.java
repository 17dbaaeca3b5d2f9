package org.gridguard.venue.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.venue.VenueFixtures;
import org.gridguard.venue.VenueProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of the public scan, without Spring: one phone checks in a few people as itself, a bounded number of
 * identity numbers per phone and per address, each identity number only so often from anywhere; and a burst of
 * identity numbers from one source is no longer trusted for SMS.
 */
class ScanGuardTests {

	/** max 5 companions, 1 h window, 2 own per device, 12 per device, 20 per address, 12/h and bursts of 6 per
	 * identity, SMS while a device presented at most 6 and an address at most 10. */
	private static final VenueProperties.Scan LIMITS = new VenueProperties.Scan(5, Duration.ofHours(1), 2, 12, 20, 12, 6,
			6, 10);

	private final MovingClock clock = new MovingClock();

	private final ScanGuard guard = new ScanGuard(ScanGuardTests::sha256, clock, LIMITS);

	@Test
	void aPhoneChecksInAtMostTwoDifferentPeopleAsItsOwnVisitorPerWindow() {
		String me = VenueFixtures.idNumber();
		assertThat(guard.admit("10.0.0.1", "phone-a", List.of(me)).refused()).isFalse();
		assertThat(guard.admit("10.0.0.1", "phone-a", List.of(VenueFixtures.idNumber())).refused()).isFalse();
		assertThat(guard.admit("10.0.0.1", "phone-a", List.of(me)).refused()).isFalse();
		ScanGuard.Verdict third = guard.admit("10.0.0.1", "phone-a", List.of(VenueFixtures.idNumber()));
		assertThat(third.field()).isEqualTo("idNumber");
		assertThat(third.messageKey()).isEqualTo("venue.scan.limit.own");
		// another phone, and the same phone an hour later, are not held back
		assertThat(guard.admit("10.0.0.1", "phone-b", List.of(VenueFixtures.idNumber())).refused()).isFalse();
		clock.advance(Duration.ofMinutes(61));
		assertThat(guard.admit("10.0.0.1", "phone-a", List.of(VenueFixtures.idNumber())).refused()).isFalse();
	}

	@Test
	void aPhoneAndAnAddressPresentABoundedNumberOfDistinctIdentityNumbers() {
		String me = VenueFixtures.idNumber();
		int admitted = 0;
		ScanGuard.Verdict last = null;
		for (int i = 0; i < 5; i++) {
			last = guard.admit("10.0.0.2", "phone-c", List.of(me, VenueFixtures.idNumber(), VenueFixtures.idNumber(),
					VenueFixtures.idNumber()));
			if (last.refused()) {
				break;
			}
			admitted++;
		}
		assertThat(admitted).isEqualTo(3); // 1 + 3 × 3 = 10 distinct; a fourth scan would make 13 > 12
		assertThat(last.field()).isEqualTo("companions");
		assertThat(last.messageKey()).isEqualTo("venue.scan.limit.device");

		// without a device cookie, each scan is a new phone, but the address counts them all: 20 distinct at most
		int fromAddress = 10;
		ScanGuard.Verdict refused = null;
		for (int i = 0; i < 20 && refused == null; i++) {
			ScanGuard.Verdict v = guard.admit("10.0.0.2", null, List.of(VenueFixtures.idNumber()));
			if (v.refused()) {
				refused = v;
			}
			else {
				fromAddress++;
			}
		}
		assertThat(fromAddress).isEqualTo(20);
		assertThat(refused.messageKey()).isEqualTo("venue.scan.limit.address");
	}

	@Test
	void oneIdentityNumberIsScannedAtMostItsBurstFromAnywhereThenAtItsRate() {
		String often = VenueFixtures.idNumber();
		for (int i = 0; i < 6; i++) {
			assertThat(guard.admit("10.0.1." + i, "phone-" + i, List.of(often)).refused()).isFalse();
		}
		ScanGuard.Verdict asCompanion = guard.admit("10.0.2.1", "phone-x", List.of(VenueFixtures.idNumber(), often));
		assertThat(asCompanion.field()).isEqualTo("companions[0].idNumber");
		assertThat(asCompanion.messageKey()).isEqualTo("venue.scan.limit.identity");
		clock.advance(Duration.ofMinutes(5)); // 12 an hour: one more every 5 minutes
		assertThat(guard.admit("10.0.2.2", "phone-y", List.of(often)).refused()).isFalse();
		assertThat(guard.admit("10.0.2.3", "phone-z", List.of(often)).field()).isEqualTo("idNumber");
	}

	@Test
	void aBurstOfIdentityNumbersFromOneSourceIsNoLongerTrustedForSms() {
		String me = VenueFixtures.idNumber();
		var family = new ArrayList<String>(List.of(me));
		for (int i = 0; i < 5; i++) {
			family.add(VenueFixtures.idNumber());
		}
		// a family of six, again and again: plausible
		assertThat(guard.admit("10.0.3.1", "phone-f", family).plausible()).isTrue();
		assertThat(guard.admit("10.0.3.1", "phone-f", family).plausible()).isTrue();
		// a seventh identity number from that phone: admitted, but its alerts go out without SMS
		ScanGuard.Verdict seventh = guard.admit("10.0.3.1", "phone-f", List.of(me, VenueFixtures.idNumber()));
		assertThat(seventh.refused()).isFalse();
		assertThat(seventh.plausible()).isFalse();
		// other phones behind that address: plausible until the address presented more than 10
		assertThat(guard.admit("10.0.3.1", "phone-g", List.of(VenueFixtures.idNumber())).plausible()).isTrue();
		assertThat(guard.admit("10.0.3.1", "phone-h", List.of(VenueFixtures.idNumber())).plausible()).isTrue();
		assertThat(guard.admit("10.0.3.1", "phone-i", List.of(VenueFixtures.idNumber())).plausible()).isTrue();
		assertThat(guard.admit("10.0.3.1", "phone-j", List.of(VenueFixtures.idNumber())).plausible()).isFalse();
		assertThat(guard.admit("10.0.3.2", "phone-k", List.of(VenueFixtures.idNumber())).plausible()).isTrue();
	}

	@Test
	void onlyDeviceIdsItCouldHaveIssuedCount() {
		assertThat(ScanGuard.isDevice(guard.newDevice())).isTrue();
		assertThat(ScanGuard.isDevice("../../etc")).isFalse();
		assertThat(ScanGuard.isDevice(null)).isFalse();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A clock the test moves forward. */
	private static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-12-05T02:00:00Z");

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
