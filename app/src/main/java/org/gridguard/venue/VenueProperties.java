package org.gridguard.venue;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every number of the venue module, as {@code gridguard.venue.*} properties (documented in {@code docs/venue.md}).
 *
 * @param defaultStay a check-in without a declared departure lasts this long
 * @param maxStay every stay is capped at this length
 * @param retention check-ins (and pharmacy purchases) older than this are deleted
 * @param futureSkew how far in the future a check-in time may lie (clocks of other systems drift)
 * @param partitionsAhead how many days of check-in partitions exist ahead of today
 * @param maxBatch most check-ins in one API call
 * @param declarationValidity how long a declared stay in a risk area counts (the 14-day itinerary window)
 * @param closedLoopDays default length of a closed-loop staff shift
 * @param natDays routine test interval of staff in days, per category, overriding the category's default
 * @param ingest the group-commit writer
 * @param rateLimit limits of the public scan endpoints, per client address
 * @param idempotencyKeep how long the idempotency key of a check-in batch (and its answer) is kept: a batch sent again
 * with the key within this time gets the first answer and stores nothing
 * @param scan limits of the public scan against its use as an oracle of other people's colours or as an alarm bell
 */
@ConfigurationProperties("gridguard.venue")
public record VenueProperties(@DefaultValue("30m") Duration defaultStay, @DefaultValue("4h") Duration maxStay,
		@DefaultValue("28d") Duration retention, @DefaultValue("5m") Duration futureSkew,
		@DefaultValue("7") int partitionsAhead, @DefaultValue("10000") int maxBatch,
		@DefaultValue("14d") Duration declarationValidity, @DefaultValue("14") int closedLoopDays,
		@Nullable Map<VenueCategory, Integer> natDays, @DefaultValue Ingest ingest,
		@DefaultValue RateLimit rateLimit, @DefaultValue("24h") Duration idempotencyKeep, @DefaultValue Scan scan) {

	/** Days between routine tests of a category's staff. */
	public int natDaysOf(VenueCategory category) {
		Integer configured = natDays == null ? null : natDays.get(category);
		return configured == null || configured < 1 ? category.defaultNatDays() : configured;
	}

	/**
	 * The end of a stay in epoch seconds: the declared departure, or the default stay when there is none
	 * ({@link Long#MIN_VALUE}); never longer than the cap.
	 */
	public long stayEnd(long arrival, long departure) {
		long cap = arrival + maxStay.getSeconds();
		long end = departure == Long.MIN_VALUE ? arrival + defaultStay.getSeconds() : departure;
		return Math.min(end, cap);
	}

	/** Whole days of retention (at least one). */
	public int retentionDays() {
		return (int) Math.max(1, retention.toDays());
	}

	/**
	 * The writer that stores check-ins in groups: each group is one COPY and one commit, and every request in the
	 * group is answered only after that commit.
	 *
	 * @param writers concurrent writer threads (one commits while another copies)
	 * @param maxRows most rows in one group
	 * @param timeout how long a request waits for its group to commit before answering 503
	 * @param linger how long a writer holding only a few rows waits for more before committing (0: never)
	 */
	public record Ingest(@DefaultValue("2") int writers, @DefaultValue("50000") int maxRows,
			@DefaultValue("20s") Duration timeout, @DefaultValue("1ms") Duration linger) {
	}

	/**
	 * Token buckets per client address for the public scan endpoints.
	 *
	 * @param perMinute sustained requests per minute
	 * @param burst requests allowed at once
	 */
	public record RateLimit(@DefaultValue("30") long perMinute, @DefaultValue("10") long burst) {
	}

	/**
	 * The public scan ({@code /s/{code}}): who may check in whom, and when a scan is trusted enough to send SMS. A
	 * device is the scan page's cookie on one phone; identities are identity numbers, the visitor's own and the
	 * companions'; counts run per {@code window}.
	 *
	 * @param maxCompanions most companions checked in with one scan
	 * @param window the time over which distinct identities are counted
	 * @param ownIdentitiesPerDevice distinct identities one device may check in as its own visitor per window (the
	 * phone's owner, and someone who borrows it)
	 * @param identitiesPerDevice distinct identities, own and companions, one device may present per window
	 * @param identitiesPerAddress distinct identities all scans from one client address may present per window
	 * @param identityPerHour public scans of one identity number per hour, from anywhere
	 * @param identityBurst public scans of one identity number at once
	 * @param alertIdentitiesPerDevice a scan raises SMS alerts only while its device presented at most this many
	 * distinct identities in the window
	 * @param alertIdentitiesPerAddress … and its client address at most this many
	 */
	public record Scan(@DefaultValue("5") int maxCompanions, @DefaultValue("1h") Duration window,
			@DefaultValue("2") int ownIdentitiesPerDevice, @DefaultValue("12") int identitiesPerDevice,
			@DefaultValue("100") int identitiesPerAddress, @DefaultValue("12") int identityPerHour,
			@DefaultValue("6") int identityBurst, @DefaultValue("6") int alertIdentitiesPerDevice,
			@DefaultValue("30") int alertIdentitiesPerAddress) {
	}

}
