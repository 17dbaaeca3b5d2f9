package org.gridguard.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one gate of bulk reads of personal data. Every list, graph, household page or file that serves person records
 * to a signed-in user passes through {@link #served}: it writes one audit entry ({@value #ACTION}) naming how many
 * persons were read, and counts them against the account's budget of {@code gridguard.personal-data.reads-per-minute}
 * person records (a token bucket that refills continuously). A read that would go over the budget is refused with
 * {@link TooManyPersonReads} (HTTP 429), every read of that account is refused for the following minute, and the city
 * admin is notified, once an hour per account. Work without a signed-in user (listeners, schedules) reads for no one
 * and is neither counted nor audited here.
 * <p>
 * Budgets live in this instance's memory: in a cluster each instance counts its own share.
 */
@Service
public class PersonalDataReads {

	/** The audit action of a bulk read; the detail starts with "{@code <n> persons}". */
	public static final String ACTION = "PERSONS_READ";

	/** The audit action written when an account is first refused in an hour. */
	public static final String REFUSED = "PERSONS_READ_REFUSED";

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH");

	private static final Duration STOP = Duration.ofMinutes(1);

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/** Accounts refused recently, and until when every read of theirs is refused. */
	private final Map<String, Instant> stopped = new ConcurrentHashMap<>();

	private final AuditLog audit;

	private final Notifications notifications;

	private final Messages messages;

	private final TransactionTemplate separately;

	private final Clock clock;

	private final TimeMeter time;

	private final int perMinute;

	PersonalDataReads(AuditLog audit, Notifications notifications, Messages messages,
			PlatformTransactionManager transactions, Clock clock, PersonalDataProperties properties) {
		this.audit = audit;
		this.notifications = notifications;
		this.messages = messages;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.time = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return TimeUnit.MILLISECONDS.toNanos(clock.millis());
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
		this.perMinute = properties.readsPerMinute();
	}

	/**
	 * Records that the current user is being served {@code persons} person records by one read, or refuses it.
	 * @param list what was read, e.g. {@code person-list}, {@code household}, {@code investigation-graph}
	 * @param subjectId the household, investigation, venue … read, if any
	 * @param persons how many persons' records the answer holds; nothing is recorded for none
	 * @param detail free text for the audit entry (a filter, a date range), no personal data
	 * @throws TooManyPersonReads when the account's budget for the last minute does not cover them
	 */
	public void served(String list, @Nullable String subjectId, int persons, @Nullable String detail) {
		String user = currentUser();
		if (user == null || persons <= 0) {
			return;
		}
		charge(user, persons);
		audit.record(ACTION, list, subjectId, persons + " persons" + (detail == null || detail.isBlank() ? "" : " · " + detail));
	}

	/**
	 * Counts records the current user is served by a read that is audited on its own (a detail view), or refuses it.
	 * @throws TooManyPersonReads when the account's budget for the last minute does not cover them
	 */
	public void charge(int persons) {
		String user = currentUser();
		if (user != null && persons > 0) {
			charge(user, persons);
		}
	}

	/**
	 * Lets an export of person records start: refused like a read when the account's budget is spent or it is stopped.
	 * What the export served is counted afterwards ({@link #exported}).
	 * @throws TooManyPersonReads when the account may read no more for now
	 */
	public void exportStarts() {
		charge(1);
	}

	/**
	 * Counts the person records an export served, after the fact: like any single read larger than the budget, it
	 * takes at most a whole minute's budget, and it is never refused (the records are gone), so that the account's
	 * next reads wait until the budget has refilled.
	 */
	public void exported(long persons) {
		String user = currentUser();
		if (user != null && persons > 1) {
			bucket(user).consumeIgnoringRateLimits(Math.min(persons, perMinute) - 1);
		}
	}

	private Bucket bucket(String user) {
		return buckets.computeIfAbsent(user, u -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.withCustomTimePrecision(time)
			.build());
	}

	private void charge(String user, int persons) {
		Instant now = clock.instant();
		Instant until = stopped.get(user);
		if (until != null) {
			if (now.isBefore(until)) {
				throw new TooManyPersonReads(user, perMinute, Math.max(1, Duration.between(now, until).toSeconds()));
			}
			stopped.remove(user, until);
		}
		Bucket bucket = bucket(user);
		// a single read larger than the whole budget (a big correction file) takes the whole budget, not forever
		if (!bucket.tryConsume(Math.min(persons, perMinute))) {
			// a reader who ran out is stopped for a whole minute, not let on as soon as a page's worth has refilled
			stopped.put(user, now.plus(STOP));
			flag(user);
			throw new TooManyPersonReads(user, perMinute, STOP.toSeconds());
		}
	}

	/** Tells the city admin, in a transaction of its own so that the refused read's rollback keeps it. */
	private void flag(String user) {
		String region = SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof SignedInUser u
				? u.regionCode() : "";
		String hour = HOUR.format(clock.instant().atZone(clock.getZone()));
		separately.executeWithoutResult(status -> {
			boolean first = notifications.send(Notifications.Draft
				.toAudience("CITY_ADMIN", region, Notification.Severity.ALERT,
						StoredText.of("platform.reads.flagged", user, String.valueOf(perMinute)),
						StoredText.of("platform.reads.flagged.body", user),
						"/audit?actor=" + user + "&action=" + ACTION, "platform")
				.withDedupeKey("person-reads:" + user + ":" + hour));
			if (first) {
				audit.recordAs(user, REFUSED, "account", user, "over " + perMinute + " persons per minute");
			}
		});
	}

	private static @Nullable String currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName()) ? null : auth.getName();
	}

}
