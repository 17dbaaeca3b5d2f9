package org.gridguard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.shared.IdNumber;

/**
 * How many valid identity numbers agree with what a reader learns about one person: a masked number, the birth
 * date (or only its year), and — taken as known, because the person's grid gives it away for residents — the
 * address code and the gender. One means the reader has the full number; the more, the further away they are.
 */
public final class MaskCompletions {

	private MaskCompletions() {
	}

	/** Candidates when the reader knows the full birth date. */
	public static long withBirthDate(String mask, String fullNumber, LocalDate birthDate) {
		return count(mask, fullNumber, List.of(birthDate));
	}

	/** Candidates when the reader knows only the year of birth. */
	public static long withBirthYear(String mask, String fullNumber, int year) {
		var days = new ArrayList<LocalDate>();
		for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
			days.add(d);
		}
		return count(mask, fullNumber, days);
	}

	/**
	 * @param fullNumber the person's real number: its address code and gender are what the reader is assumed to know
	 */
	private static long count(String mask, String fullNumber, List<LocalDate> birthDates) {
		if (mask.length() != 18) {
			throw new IllegalArgumentException("not an 18-character mask: " + mask);
		}
		String address = fullNumber.substring(0, 6);
		int genderParity = (fullNumber.charAt(16) - '0') % 2;
		for (int i = 0; i < 6; i++) {
			if (mask.charAt(i) != '*' && mask.charAt(i) != address.charAt(i)) {
				return 0;
			}
		}
		long count = 0;
		var first17 = new StringBuilder(address + "0".repeat(11));
		for (LocalDate date : birthDates) {
			String digits = "%04d%02d%02d".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
			if (!agrees(mask, 6, digits)) {
				continue;
			}
			first17.replace(6, 14, digits);
			for (char a : choices(mask.charAt(14))) {
				for (char b : choices(mask.charAt(15))) {
					for (char c : choices(mask.charAt(16))) {
						if ((c - '0') % 2 != genderParity) {
							continue;
						}
						first17.setCharAt(14, a);
						first17.setCharAt(15, b);
						first17.setCharAt(16, c);
						char check = IdNumber.checkCharacter(first17);
						if (mask.charAt(17) == '*' || mask.charAt(17) == check) {
							count++;
						}
					}
				}
			}
		}
		return count;
	}

	private static boolean agrees(String mask, int from, String digits) {
		for (int i = 0; i < digits.length(); i++) {
			char m = mask.charAt(from + i);
			if (m != '*' && m != digits.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static char[] choices(char masked) {
		return masked == '*' ? "0123456789".toCharArray() : new char[] { masked };
	}

}
