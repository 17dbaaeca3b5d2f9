package org.gridguard.venue;

import java.util.concurrent.CompletableFuture;

import org.gridguard.person.PersonInput;
import org.gridguard.status.StatusColour;
import org.jspecify.annotations.Nullable;

/**
 * Check-ins of one request on their way to the database, as parallel arrays (no object per check-in). The writer
 * fills in the colour at the door and the admission decision, then completes {@link #done} once the group holding
 * this batch has committed.
 */
final class CheckInBatch {

	/** Why a person was not admitted. */
	static final byte ADMITTED = 0;

	static final byte REFUSED_COLOUR = 1;

	static final byte REFUSED_CLOSED = 2;

	static final byte REFUSED_EXIT_ONLY = 3;

	static final byte SCAN = 0;

	static final byte COMPANION = 1;

	static final byte DESK = 2;

	static final byte API = 3;

	static final String[] CHANNELS = { "SCAN", "COMPANION", "DESK", "API" };

	final int size;

	final long[] person;

	final int[] venue;

	/** Arrival, declared departure ({@link Long#MIN_VALUE} when none) and end of stay: epoch seconds. */
	final long[] at;

	final long[] leftAt;

	final long[] until;

	final byte[] channel;

	final StatusColour[] colour;

	final byte[] refusal;

	/**
	 * Persons not in memory yet, {@code null} where {@link #person} is already set: the writer matches or registers
	 * them (as {@link #registeredBy}) inside the transaction that stores the check-ins.
	 */
	@Nullable PersonInput @Nullable [] unknown;

	String registeredBy = "venue";

	/** The idempotency key this batch claims, with its answer; {@code null} when sent without a key. */
	CheckInReceipts.@Nullable Claim claim;

	/** Whether alerts of flagged persons in this batch may go out by SMS (not for a scan from a burst). */
	boolean smsAlerts = true;

	/** Set by the writer when the key was already taken: nothing of this batch was stored. */
	volatile boolean duplicate;

	final CompletableFuture<CheckInBatch> done = new CompletableFuture<>();

	CheckInBatch(int size) {
		this.size = size;
		this.person = new long[size];
		this.venue = new int[size];
		this.at = new long[size];
		this.leftAt = new long[size];
		this.until = new long[size];
		this.channel = new byte[size];
		this.colour = new StatusColour[size];
		this.refusal = new byte[size];
	}

	void set(int i, long personId, long venueId, long atSecond, long leftAtSecond, long untilSecond, byte via) {
		person[i] = personId;
		venue[i] = Math.toIntExact(venueId);
		at[i] = atSecond;
		leftAt[i] = leftAtSecond;
		until[i] = untilSecond;
		channel[i] = via;
	}

	/** Leaves the person of item {@code i} to the writer: matched or registered from {@code input}. */
	void unknown(int i, PersonInput input, String source) {
		if (unknown == null) {
			unknown = new PersonInput[size];
		}
		unknown[i] = input;
		registeredBy = source;
	}

	boolean admitted(int i) {
		return refusal[i] == ADMITTED;
	}

}
