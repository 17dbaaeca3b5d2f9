package org.gridguard.venue;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridguard.shared.IdNumber;

/**
 * Identity numbers for tests: valid, distinct, and unlike the demo residents' (sequence numbers 700-899).
 */
public final class VenueFixtures {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private VenueFixtures() {
	}

	/** A fresh valid identity number of someone born in 1980-1999. */
	public static String idNumber() {
		int n = NEXT.getAndIncrement();
		LocalDate birth = LocalDate.of(1980, 1, 1).plusDays((n * 37L + System.nanoTime() % 3000) % 7000);
		String first17 = "330784" + birth.toString().replace("-", "") + "%03d".formatted(700 + n % 200);
		return first17 + IdNumber.checkCharacter(first17);
	}

	/** The same number with a wrong check character, and the character it should have been. */
	public static String[] withWrongCheck() {
		String good = idNumber();
		char right = good.charAt(17);
		char wrong = right == '0' ? '1' : '0';
		return new String[] { good.substring(0, 17) + wrong, String.valueOf(right) };
	}

}
