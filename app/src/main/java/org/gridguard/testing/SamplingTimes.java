package org.gridguard.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Sampling times as labs' files write them. Without an offset a time is the city's local time. An XLSX date cell
 * reaches here as {@code 2022-01-05 09:30:00} (the file reader writes date cells that way, whatever their display
 * format).
 */
public final class SamplingTimes {

	/** The forms the import page shows as examples: each of them is read (SamplingTimesTests). */
	public static final List<String> EXAMPLES = List.of("2022-01-05 09:30", "2022/1/5 9:30", "2022年1月5日 9:30",
			"2022-01-05T09:30:00+08:00");

	private static final List<DateTimeFormatter> LOCAL = List.of(DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss]"),
			DateTimeFormatter.ofPattern("yyyy-M-d'T'H:mm[:ss]"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"),
			DateTimeFormatter.ofPattern("yyyy.M.d H:mm[:ss]"), DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm[:ss]"),
			DateTimeFormatter.ofPattern("yyyy年M月d日H:mm[:ss]"), DateTimeFormatter.ofPattern("yyyy年M月d日 H时m分[s秒]"),
			DateTimeFormatter.ofPattern("yyyy年M月d日H时m分[s秒]"));

	private SamplingTimes() {
	}

	/** The instant a file's sampling time names, or null when it is in none of the forms read. */
	public static @Nullable Instant parse(@Nullable String text, ZoneId zone) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip().replace('\u3000', ' ').replaceAll("\\s+", " ");
		try {
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeParseException ex) {
			// no offset: the city's local time
		}
		for (DateTimeFormatter form : LOCAL) {
			try {
				return LocalDateTime.parse(t, form).atZone(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				// the next form
			}
		}
		return null;
	}

}
