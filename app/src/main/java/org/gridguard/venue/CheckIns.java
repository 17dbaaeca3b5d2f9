package org.gridguard.venue;

import java.time.Instant;
import java.util.List;

import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Check-in at the door and from other systems. Every item is validated on its own (a batch keeps its valid items and
 * names the reason of each rejected one), persons are matched or registered by identity document, and the accepted
 * items go to the group-commit writer: this returns only once they are durable. The colour at the door and the
 * admission decision (绿码通行、黄码限制、红码禁止, closed management) come back with each item.
 * <p>
 * Not transactional on purpose: persons not known yet are registered by the writer in the transaction that stores
 * their check-ins; risk-area declarations are recorded in their own committed transactions before.
 */
@Service
public class CheckIns {

	private final BatchCheckIns batches;

	private final DoorCheckIns door;

	CheckIns(BatchCheckIns batches, DoorCheckIns door) {
		this.batches = batches;
		this.door = door;
	}

	// ---- batches from other systems

	/**
	 * One check-in as another system sends it; times are ISO-8601 with offset. {@code name} and {@code phone} are
	 * optional and used only to register a person not known yet.
	 */
	public record RawCheckIn(@Nullable String venueCode, @Nullable String idNumber, @Nullable String at,
			@Nullable String leftAt, @Nullable String name, @Nullable String phone) {
	}

	/**
	 * The outcome of a batch: per accepted item its colour and admission, per rejected item the reason.
	 * {@code replayed}: the answer given the first time this batch was sent with its idempotency key; nothing was
	 * stored this time.
	 */
	public record BatchOutcome(int accepted, List<Rejected> rejected, List<Accepted> results, boolean replayed) {
	}

	/** A rejected item: its index in the batch, the field at fault and why. */
	public record Rejected(int index, String field, String message) {
	}

	/** An accepted, durable item. */
	public record Accepted(int index, String status, boolean admit) {
	}

	/**
	 * Records a batch of check-ins for the venues {@code who} sees (a code of another venue is "unknown"). At most
	 * {@code gridguard.venue.max-batch} items; an empty or oversized batch is refused as a whole.
	 */
	public BatchOutcome record(List<RawCheckIn> items, Jurisdiction who) {
		return record(items, who, null);
	}

	/**
	 * Records a batch as {@link #record(List, Jurisdiction)}, safe to retry with an idempotency key (at most 100
	 * visible characters, scoped to the account of {@code who}): the first batch sent with the key is stored together
	 * with the key and its answer, in one transaction; sent again with the same items, it gets that answer back
	 * ({@link BatchOutcome#replayed()}) and nothing is stored twice, however the first answer was lost. The same key
	 * with other items is refused, naming the key. Keys are kept for {@code gridguard.venue.idempotency-keep}.
	 */
	public BatchOutcome record(List<@Nullable RawCheckIn> items, Jurisdiction who, @Nullable String idempotencyKey) {
		return batches.record(items, who, idempotencyKey);
	}

	// ---- at the door

	/** A person checking in at the door: the visitor themself, a companion, or someone at the desk. */
	public record Visitor(@Nullable String name, @Nullable String idNumber, @Nullable String phone) {
	}

	/** What the entrance screen shows for each person checked in together. */
	public record ScanOutcome(long venueId, String venueName, Instant at, boolean star, @Nullable String riskArea,
			List<Entry> entries) {

		public boolean allAdmitted() {
			return entries.stream().allMatch(Entry::admitted);
		}

	}

	/**
	 * One person at the door.
	 *
	 * @param colour their status colour; {@code null} for companions on the public scan, who learn only whether
	 * they may enter
	 * @param refusal why not admitted, in the request's language; {@code null} when admitted
	 */
	public record Entry(String nameMasked, String idMasked, @Nullable String colour, boolean admitted,
			@Nullable String refusal) {
	}

	/**
	 * A visitor scanned a venue's code with their phone, with companions (同行人员, at most
	 * {@code gridguard.venue.scan.max-companions}). The first visitor must give name, identity number and phone;
	 * companions name and identity number. The visitor sees their own colour; companions only whether they may enter.
	 * A declared stay in a listed risk area is recorded for every one of them and stars the screen.
	 */
	public ScanOutcome scan(String code, List<Visitor> visitors, @Nullable Long riskAreaId) {
		return scan(code, visitors, riskAreaId, true);
	}

	/**
	 * A scan as {@link #scan(String, List, Long)}; {@code smsAlerts} false when the scan comes from a source that
	 * presented many identity numbers lately: a flagged person's alert then reaches the inboxes, marked as unverified,
	 * but sends no SMS.
	 */
	public ScanOutcome scan(String code, List<Visitor> visitors, @Nullable Long riskAreaId, boolean smsAlerts) {
		return door.scan(code, visitors, riskAreaId, smsAlerts);
	}

	/** Staff at the door check in visitors without phones by identity number (name needed only for new persons). */
	public ScanOutcome desk(long venueId, List<Visitor> visitors, @Nullable Long riskAreaId, Jurisdiction who) {
		return door.desk(venueId, visitors, riskAreaId, who);
	}

	/** A scanned code has been revoked: the poster at the door is out of date. */
	public static class RevokedCode extends RuntimeException {

		RevokedCode() {
			super("venue code revoked");
		}

	}

	/** Check-ins could not be made durable (database unavailable, shutting down): nothing was acknowledged. */
	public static class NotStored extends RuntimeException {

		NotStored(Throwable cause) {
			super("check-ins not stored: " + cause.getMessage(), cause);
		}

	}

}
