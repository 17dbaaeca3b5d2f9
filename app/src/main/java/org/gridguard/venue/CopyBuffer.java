package org.gridguard.venue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** COPY text rows of {@code venue_check_in}, built without a String per field. */
final class CopyBuffer {

	byte[] bytes;

	int length;

	CopyBuffer(int capacity) {
		bytes = new byte[Math.max(256, capacity)];
	}

	void row(CheckInBatch b, int i) {
		ensure(160);
		timestamp(b.at[i]);
		put('\t');
		timestamp(b.until[i]);
		put('\t');
		number(b.venue[i]);
		put('\t');
		number(b.person[i]);
		put('\t');
		if (b.leftAt[i] == Long.MIN_VALUE) {
			put('\\');
			put('N');
		}
		else {
			timestamp(b.leftAt[i]);
		}
		put('\t');
		ascii(b.colour[i].name());
		put('\t');
		put(b.admitted(i) ? 't' : 'f');
		put('\t');
		ascii(CheckInBatch.CHANNELS[b.channel[i]]);
		put('\n');
	}

	/** A row of {@link #row(CheckInBatch, int)} followed by the record's place in the check-in stream. */
	void row(CheckInBatch b, int i, int streamPartition, long streamOffset) {
		row(b, i);
		length--; // the line end
		ensure(40);
		put('\t');
		number(streamPartition);
		put('\t');
		number(streamOffset);
		put('\n');
	}

	private void timestamp(long epochSecond) {
		LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
		pad(t.getYear(), 4);
		put('-');
		pad(t.getMonthValue(), 2);
		put('-');
		pad(t.getDayOfMonth(), 2);
		put(' ');
		pad(t.getHour(), 2);
		put(':');
		pad(t.getMinute(), 2);
		put(':');
		pad(t.getSecond(), 2);
		put('+');
		put('0');
		put('0');
	}

	private void pad(int value, int digits) {
		for (int d = digits - 1; d >= 0; d--) {
			bytes[length + d] = (byte) ('0' + value % 10);
			value /= 10;
		}
		length += digits;
	}

	private void number(long value) {
		ascii(Long.toString(value));
	}

	private void ascii(String s) {
		for (int j = 0; j < s.length(); j++) {
			bytes[length++] = (byte) s.charAt(j);
		}
	}

	private void put(char c) {
		bytes[length++] = (byte) c;
	}

	private void ensure(int more) {
		if (length + more > bytes.length) {
			bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
		}
	}

	String text() {
		return new String(bytes, 0, length, StandardCharsets.US_ASCII);
	}

}
