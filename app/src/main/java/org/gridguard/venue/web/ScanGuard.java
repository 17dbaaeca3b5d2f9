package org.gridguard.venue.web;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.gridguard.platform.PersonalDataCipher;
import org.gridguard.shared.IdNumber;
import org.gridguard.venue.VenueProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps the public scan from serving as an oracle of other people's colours or as an alarm bell for strangers. A scan
 * comes from a client address and, once the scan page has set its cookie, from a device (one phone's browser). Within
 * each window a device checks in at most a few different people as its own visitor (the phone's owner, someone who
 * borrows it) and presents a bounded number of distinct identity numbers, own and companions'; so does an address,
 * with a higher bound; and each identity number is scanned at most so often from anywhere (token buckets). Scans past
 * a limit are refused and store nothing. A scan inside the limits may still be part of a burst: its alerts go out by
 * SMS only while its device and its address stay under the lower alert thresholds.
 * <p>
 * Identity numbers are held as keyed hashes only. The counts live in memory, like the per-address rate limit, and
 * start afresh after a restart; maps are trimmed when they grow past their bound.
 */
@Component
class ScanGuard {

	/** The scan page's device cookie: 16 random bytes, URL-safe Base64. */
	static final String DEVICE_COOKIE = "GG_DEVICE";

	private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final int MAX_SOURCES = 100_000;

	/**
	 * Whether a scan may go ahead: refused with the field at fault and a message key with its arguments, or admitted,
	 * with {@code plausible} telling whether its alerts may go out by SMS.
	 */
	record Verdict(@Nullable String field, @Nullable String messageKey, Object[] args, boolean plausible) {

		boolean refused() {
			return field != null;
		}

	}

	private record Key(long hi, long lo) {
	}

	/** The identities one source presented since {@code start}. */
	private static final class Window {

		long start;

		final Set<Key> own = new HashSet<>();

		final Set<Key> all = new HashSet<>();

		Window(long start) {
			this.start = start;
		}

	}

	private final Map<String, Window> devices = new ConcurrentHashMap<>();

	private final Map<String, Window> addresses = new ConcurrentHashMap<>();

	private final Map<Key, Bucket> identities = new ConcurrentHashMap<>();

	private final Function<String, byte[]> hash;

	private final Clock clock;

	private final VenueProperties.Scan limits;

	private final long windowMillis;

	private final TimeMeter meter;

	private final SecureRandom random = new SecureRandom();

	@Autowired
	ScanGuard(PersonalDataCipher cipher, Clock clock, VenueProperties properties) {
		this(cipher::hash, clock, properties.scan());
	}

	ScanGuard(Function<String, byte[]> hash, Clock clock, VenueProperties.Scan limits) {
		this.hash = hash;
		this.clock = clock;
		this.limits = limits;
		this.windowMillis = Math.max(1, limits.window().toMillis());
		this.meter = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return clock.millis() * 1_000_000;
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
	}

	/** A new device id for the cookie. */
	String newDevice() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether a cookie value is a device id this guard could have issued. */
	static boolean isDevice(@Nullable String value) {
		return value != null && DEVICE.matcher(value).matches();
	}

	/** Forgets every count (tests; an operator after a false alarm). */
	void clear() {
		devices.clear();
		addresses.clear();
		identities.clear();
	}

	/**
	 * Decides on a scan from {@code address} and {@code device} (null without the cookie) presenting
	 * {@code idNumbers}: the visitor's own first, then the companions'. Numbers that are not valid are left out here;
	 * the check-in refuses them. An admitted scan is counted; a refused one is not.
	 */
	Verdict admit(String address, @Nullable String device, List<@Nullable String> idNumbers) {
		LocalDate today = LocalDate.now(clock);
		var keys = new ArrayList<Key>(idNumbers.size());
		var positions = new ArrayList<Integer>(idNumbers.size());
		Key own = null;
		for (int i = 0; i < idNumbers.size(); i++) {
			IdNumber.Parsed parsed = IdNumber.parse(idNumbers.get(i), today);
			if (parsed.id() == null) {
				continue;
			}
			ByteBuffer h = ByteBuffer.wrap(hash.apply("scan:" + parsed.id().value()));
			Key key = new Key(h.getLong(), h.getLong());
			keys.add(key);
			positions.add(i);
			if (i == 0) {
				own = key;
			}
		}
		long now = clock.millis();
		long minutes = Duration.ofMillis(windowMillis).toMinutes();
		synchronized (this) {
			Window byAddress = window(addresses, address, now);
			Window byDevice = device == null ? null : window(devices, device, now);
			if (byDevice != null && own != null && !byDevice.own.contains(own)
					&& byDevice.own.size() >= limits.ownIdentitiesPerDevice()) {
				return refused("idNumber", "venue.scan.limit.own", minutes, limits.ownIdentitiesPerDevice());
			}
			if (byDevice != null && unionSize(byDevice.all, keys) > limits.identitiesPerDevice()) {
				return refused("companions", "venue.scan.limit.device", minutes, limits.identitiesPerDevice());
			}
			if (unionSize(byAddress.all, keys) > limits.identitiesPerAddress()) {
				return refused("idNumber", "venue.scan.limit.address", minutes);
			}
			for (int k = 0; k < keys.size(); k++) {
				if (!bucket(keys.get(k)).tryConsume(1)) {
					int i = positions.get(k);
					return refused(i == 0 ? "idNumber" : "companions[" + (i - 1) + "].idNumber", "venue.scan.limit.identity");
				}
			}
			byAddress.all.addAll(keys);
			if (byDevice != null) {
				byDevice.all.addAll(keys);
				if (own != null) {
					byDevice.own.add(own);
				}
			}
			boolean plausible = byAddress.all.size() <= limits.alertIdentitiesPerAddress()
					&& (byDevice == null || byDevice.all.size() <= limits.alertIdentitiesPerDevice());
			return new Verdict(null, null, new Object[0], plausible);
		}
	}

	private static Verdict refused(String field, String key, Object... args) {
		return new Verdict(field, key, args, false);
	}

	private static int unionSize(Set<Key> seen, List<Key> more) {
		int size = seen.size();
		var counted = new HashSet<Key>();
		for (Key key : more) {
			if (!seen.contains(key) && counted.add(key)) {
				size++;
			}
		}
		return size;
	}

	private Window window(Map<String, Window> windows, String source, long now) {
		if (windows.size() > MAX_SOURCES) {
			windows.values().removeIf(w -> now - w.start >= windowMillis);
			if (windows.size() > MAX_SOURCES) {
				windows.clear();
			}
		}
		Window window = windows.computeIfAbsent(source, s -> new Window(now));
		if (now - window.start >= windowMillis) {
			window.start = now;
			window.own.clear();
			window.all.clear();
		}
		return window;
	}

	private Bucket bucket(Key identity) {
		if (identities.size() > MAX_SOURCES) {
			identities.clear();
		}
		return identities.computeIfAbsent(identity, k -> Bucket.builder()
			.withCustomTimePrecision(meter)
			.addLimit(Bandwidth.builder()
				.capacity(Math.max(1, limits.identityBurst()))
				.refillGreedy(Math.max(1, limits.identityPerHour()), Duration.ofHours(1))
				.build())
			.build());
	}

}
