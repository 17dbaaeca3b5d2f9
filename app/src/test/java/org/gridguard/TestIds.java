package org.gridguard;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridguard.shared.IdNumber;

/**
 * Valid identity numbers that never collide with the demo population (whose birth years start in the 1920s' end):
 * born in 1921-1924, or in another province for non-residents.
 */
public final class TestIds {

	private static final AtomicInteger NEXT = new AtomicInteger(1);

	private TestIds() {
	}

	/** A Yongkang resident's number. */
	public static String resident() {
		return make("330784");
	}

	/** A number of someone from Beijing (not a resident). */
	public static String visitor() {
		return make("110105");
	}

	private static String make(String area) {
		int n = NEXT.getAndIncrement();
		LocalDate birth = LocalDate.of(1921, 1, 1).plusDays(n / 400);
		String first17 = area + birth.toString().replace("-", "") + "%03d".formatted(n % 400 * 2 + 1);
		return first17 + IdNumber.checkCharacter(first17);
	}

}
