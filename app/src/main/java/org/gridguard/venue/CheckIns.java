package org.gridguard.venue;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.PersonInput;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;
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

	private final VenueRegistry registry;

	private final CheckInWriter writer;

	private final PersonIds personIds;

	private final CheckInReceipts receipts;

	private final JsonMapper json;

	private final CheckInPartitions partitions;

	private final RiskAreas riskAreas;

	private final Messages messages;

	private final MessageSource source;

	private final Clock clock;

	private final VenueProperties properties;

	CheckIns(VenueRegistry registry, CheckInWriter writer, PersonIds personIds, CheckInReceipts receipts,
			CheckInPartitions partitions, RiskAreas riskAreas, Messages messages, MessageSource source, JsonMapper json,
			Clock clock, VenueProperties properties) {
		this.registry = registry;
		this.writer = writer;
		this.personIds = personIds;
		this.receipts = receipts;
		this.json = json;
		this.partitions = partitions;
		this.riskAreas = riskAreas;
		this.messages = messages;
		this.source = source;
		this.clock = clock;
		this.properties = properties;
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

	/** What is kept with an idempotency key and answered again to a retry. */
	record Answer(int accepted, List<Rejected> rejected, List<Accepted> results) {
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
		if (items.isEmpty()) {
			throw InvalidInput.of("checkins", messages.get("venue.checkin.batch.empty"));
		}
		if (items.size() > properties.maxBatch()) {
			throw InvalidInput.of("checkins", messages.get("venue.checkin.batch.tooLarge", properties.maxBatch()));
		}
		byte[] requestHash = null;
		if (idempotencyKey != null) {
			if (idempotencyKey.isBlank() || idempotencyKey.length() > CheckInReceipts.MAX_KEY_LENGTH
					|| ControlCharacters.firstIn(idempotencyKey) > 0) {
				throw InvalidInput.of("idempotencyKey", messages.get("venue.checkin.key.invalid", "idempotencyKey",
						CheckInReceipts.MAX_KEY_LENGTH));
			}
			requestHash = CheckInReceipts.hash(items);
			CheckInReceipts.Stored stored = receipts.find(who.username(), idempotencyKey);
			if (stored != null) {
				return replay(stored, requestHash, idempotencyKey);
			}
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		long latest = now.plus(properties.futureSkew()).getEpochSecond();
		long oldest = partitions.oldestAccepted().getEpochSecond();
		var rejected = new ArrayList<Rejected>();
		var inputs = new ArrayList<PersonInput>(items.size());
		int[] index = new int[items.size()];
		long[] venue = new long[items.size()];
		long[] at = new long[items.size()];
		long[] left = new long[items.size()];
		String unnamed = source.getMessage("venue.checkin.unnamed", null, Locale.SIMPLIFIED_CHINESE);
		int n = 0;
		for (int i = 0; i < items.size(); i++) {
			RawCheckIn item = items.get(i);
			if (item == null) {
				rejected.add(new Rejected(i, "checkins", messages.get("venue.checkin.item.empty")));
				continue;
			}
			Rejected unreadable = controlCharacter(i, item);
			if (unreadable != null) {
				rejected.add(unreadable);
				continue;
			}
			String code = item.venueCode() == null ? "" : item.venueCode().strip().toUpperCase(Locale.ROOT);
			VenueRegistry.Code known = code.isEmpty() ? null : registry.code(code);
			VenueRegistry.Ref ref = known == null ? null : registry.venue(known.venueId());
			if (ref == null || !VenueAccess.sees(who, ref)) {
				rejected.add(new Rejected(i, "venueCode", messages.get("venue.checkin.venue.unknown")));
				continue;
			}
			if (known.revoked() || !ref.active()) {
				rejected.add(new Rejected(i, "venueCode", messages.get("venue.checkin.venue.revoked")));
				continue;
			}
			IdDocument.Parsed doc = IdDocument.parse(IdType.RESIDENT_ID, item.idNumber(), today, "idNumber", messages);
			if (doc.document() == null) {
				rejected.add(new Rejected(i, "idNumber", doc.problem().message()));
				continue;
			}
			long arrival = epochSecond(item.at());
			if (arrival == Long.MIN_VALUE) {
				rejected.add(new Rejected(i, "at", messages.get("venue.checkin.at.format")));
				continue;
			}
			if (arrival > latest) {
				rejected.add(new Rejected(i, "at", messages.get("venue.checkin.at.future",
						properties.futureSkew().toMinutes())));
				continue;
			}
			if (arrival < oldest) {
				rejected.add(new Rejected(i, "at", messages.get("venue.checkin.at.tooOld", properties.retentionDays())));
				continue;
			}
			long departure = Long.MIN_VALUE;
			if (item.leftAt() != null && !item.leftAt().isBlank()) {
				departure = epochSecond(item.leftAt());
				if (departure == Long.MIN_VALUE) {
					rejected.add(new Rejected(i, "leftAt", messages.get("venue.checkin.leftAt.format")));
					continue;
				}
				if (departure < arrival) {
					rejected.add(new Rejected(i, "leftAt", messages.get("venue.checkin.leftAt.beforeAt")));
					continue;
				}
				if (departure > latest) {
					rejected.add(new Rejected(i, "leftAt", messages.get("venue.checkin.leftAt.future",
							properties.futureSkew().toMinutes())));
					continue;
				}
			}
			String phone = null;
			if (item.phone() != null && !item.phone().isBlank()) {
				PhoneNumber.Parsed parsed = PhoneNumber.parse(item.phone());
				if (parsed.phone() == null) {
					rejected.add(new Rejected(i, "phone", messages.get("validation.phone.format")));
					continue;
				}
				phone = parsed.phone().value();
			}
			String name = item.name() == null || item.name().isBlank() ? unnamed : item.name().strip();
			if (name.length() > 50) {
				rejected.add(new Rejected(i, "name", messages.get("venue.visitor.name.invalid")));
				continue;
			}
			inputs.add(new PersonInput(doc.document(), name, phone, null));
			index[n] = i;
			venue[n] = ref.id();
			at[n] = arrival;
			left[n] = departure;
			n++;
		}
		rejected.sort(java.util.Comparator.comparingInt(Rejected::index));
		var batch = new CheckInBatch(n);
		for (int k = 0; k < n; k++) {
			batch.set(k, 0, venue[k], at[k], left[k], end(at[k], left[k]), CheckInBatch.API);
		}
		PersonIds.Key[] keys = identify(batch, inputs, "venue:api");
		if (idempotencyKey != null) {
			batch.claim = new CheckInReceipts.Claim(who.username(), idempotencyKey, requestHash,
					b -> json.writeValueAsString(answer(b, index, rejected)));
		}
		await(writer.submit(batch));
		remember(batch, keys);
		if (batch.duplicate) {
			// another request with this key committed first
			CheckInReceipts.Stored stored = receipts.find(who.username(), idempotencyKey);
			if (stored == null) {
				throw new NotStored(new IllegalStateException("idempotency key taken and gone"));
			}
			return replay(stored, requestHash, idempotencyKey);
		}
		Answer answer = answer(batch, index, rejected);
		return new BatchOutcome(answer.accepted(), answer.rejected(), answer.results(), false);
	}

	private static Answer answer(CheckInBatch batch, int[] index, List<Rejected> rejected) {
		var results = new ArrayList<Accepted>(batch.size);
		for (int k = 0; k < batch.size; k++) {
			results.add(new Accepted(index[k], batch.colour[k].name(), batch.admitted(k)));
		}
		return new Answer(batch.size, rejected, results);
	}

	/** The first answer of a key, when this request holds the same items; refused naming the key otherwise. */
	private BatchOutcome replay(CheckInReceipts.Stored stored, byte[] requestHash, String key) {
		if (!java.security.MessageDigest.isEqual(stored.requestHash(), requestHash)) {
			throw InvalidInput.of("idempotencyKey", messages.get("venue.checkin.key.reused", "idempotencyKey", key));
		}
		Answer answer = json.readValue(stored.answer(), Answer.class);
		return new BatchOutcome(answer.accepted(), answer.rejected(), answer.results(), true);
	}

	/** The first field of an item holding a control character, named with the character's position. */
	private @Nullable Rejected controlCharacter(int index, RawCheckIn item) {
		String[] fields = { "venueCode", "idNumber", "at", "leftAt", "name", "phone" };
		String[] values = { item.venueCode(), item.idNumber(), item.at(), item.leftAt(), item.name(), item.phone() };
		for (int f = 0; f < fields.length; f++) {
			int at = ControlCharacters.firstIn(values[f]);
			if (at > 0) {
				return new Rejected(index, fields[f], messages.get("venue.input.control", fields[f], at));
			}
		}
		return null;
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
	 * @param refusal why not admitted, in the request's language; {@code null} when admitted
	 */
	public record Entry(String nameMasked, String idMasked, String colour, boolean admitted, @Nullable String refusal) {
	}

	/**
	 * A visitor scanned a venue's code with their phone, with companions (同行人员). The first visitor must give name,
	 * identity number and phone; companions name and identity number. A declared stay in a listed risk area is
	 * recorded for every one of them and stars the screen.
	 */
	public ScanOutcome scan(String code, List<Visitor> visitors, @Nullable Long riskAreaId) {
		VenueRegistry.Ref venue = activeVenue(code);
		return checkIn(venue, visitors, riskAreaId, false);
	}

	/** Staff at the door check in visitors without phones by identity number (name needed only for new persons). */
	public ScanOutcome desk(long venueId, List<Visitor> visitors, @Nullable Long riskAreaId, Jurisdiction who) {
		VenueRegistry.Ref venue = registry.venue(venueId);
		if (venue == null || !VenueAccess.runs(who, venue.id(), venue.regionCode(), venue.sector())) {
			throw new NotFound("venue " + venueId);
		}
		return checkIn(venue, visitors, riskAreaId, true);
	}

	/** The venue of an active code; 404 when unknown, {@link RevokedCode} when revoked. */
	VenueRegistry.Ref activeVenue(String code) {
		String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		VenueRegistry.Code known = registry.code(c);
		if (known == null) {
			throw new NotFound("venue code");
		}
		VenueRegistry.Ref venue = registry.venue(known.venueId());
		if (known.revoked() || venue == null || !venue.active()) {
			throw new RevokedCode();
		}
		return venue;
	}

	/** A scanned code has been revoked: the poster at the door is out of date. */
	public static class RevokedCode extends RuntimeException {

		RevokedCode() {
			super("venue code revoked");
		}

	}

	private ScanOutcome checkIn(VenueRegistry.Ref venue, List<Visitor> visitors, @Nullable Long riskAreaId,
			boolean desk) {
		if (visitors.isEmpty()) {
			throw InvalidInput.of("idNumber", messages.get("venue.visitor.none"));
		}
		if (visitors.size() > 10) {
			throw InvalidInput.of("companions", messages.get("venue.visitor.tooMany", 9));
		}
		LocalDate today = LocalDate.now(clock);
		var problems = new ArrayList<FieldProblem>();
		var inputs = new ArrayList<PersonInput>();
		String unnamed = source.getMessage("venue.checkin.unnamed", null, Locale.SIMPLIFIED_CHINESE);
		for (int i = 0; i < visitors.size(); i++) {
			Visitor v = visitors.get(i);
			String prefix = i == 0 ? "" : "companions[" + (i - 1) + "].";
			FieldProblem unreadable = controlCharacter(prefix, v);
			if (unreadable != null) {
				problems.add(unreadable);
				continue;
			}
			String name = v.name() == null ? "" : v.name().strip();
			if ((!desk && name.isEmpty()) || name.length() > 50) {
				problems.add(messages.problem(prefix + "name", "venue.visitor.name.invalid"));
			}
			IdDocument.Parsed doc = IdDocument.parse(IdType.RESIDENT_ID, v.idNumber(), today, prefix + "idNumber",
					messages);
			if (doc.problem() != null) {
				problems.add(doc.problem());
			}
			String phone = null;
			if (v.phone() != null && !v.phone().isBlank()) {
				PhoneNumber.Parsed parsed = PhoneNumber.parse(v.phone());
				if (parsed.phone() == null) {
					problems.add(messages.problem(prefix + "phone", "validation.phone.format"));
				}
				else {
					phone = parsed.phone().value();
				}
			}
			else if (i == 0 && !desk) {
				problems.add(messages.problem("phone", "validation.phone.empty"));
			}
			if (doc.document() != null) {
				inputs.add(new PersonInput(doc.document(), name.isEmpty() ? unnamed : name, phone, null));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String source = desk ? "venue:desk" : "venue:scan";
		long now = clock.instant().getEpochSecond();
		var batch = new CheckInBatch(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			byte via = desk ? CheckInBatch.DESK : i == 0 ? CheckInBatch.SCAN : CheckInBatch.COMPANION;
			batch.set(i, 0, venue.id(), now, Long.MIN_VALUE, end(now, Long.MIN_VALUE), via);
		}
		RiskArea area = null;
		PersonIds.Key[] keys = null;
		if (riskAreaId != null) {
			// the declaration is a status fact of each person, asserted before the check-in decides the colour
			long[] persons = personIds.resolve(inputs, source);
			System.arraycopy(persons, 0, batch.person, 0, persons.length);
			area = riskAreas.declare(persons, riskAreaId);
		}
		else {
			keys = identify(batch, inputs, source);
		}
		await(writer.submit(batch));
		remember(batch, keys);
		var entries = new ArrayList<Entry>();
		for (int i = 0; i < inputs.size(); i++) {
			String colour = batch.colour[i].name();
			entries.add(new Entry(Masking.name(visitors.get(i).name() == null || visitors.get(i).name().isBlank()
					? unnamed : visitors.get(i).name()), inputs.get(i).document().masked(), colour, batch.admitted(i),
					refusal(batch.refusal[i], colour, venue)));
		}
		return new ScanOutcome(venue.id(), venue.name(), Instant.ofEpochSecond(now), area != null && area.stars(),
				area == null ? null : area.name(), entries);
	}

	/**
	 * Sets the ids of the persons remembered in memory and leaves the others to the writer, which matches or registers
	 * them with the check-ins. Returns the cache keys, for {@link #remember} after the commit.
	 */
	private PersonIds.Key[] identify(CheckInBatch batch, List<PersonInput> inputs, String source) {
		var keys = new PersonIds.Key[inputs.size()];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = personIds.key(inputs.get(i).document());
			long id = personIds.known(keys[i]);
			if (id == 0) {
				batch.unknown(i, inputs.get(i), source);
			}
			else {
				batch.person[i] = id;
			}
		}
		return keys;
	}

	/** Remembers the persons the writer matched or registered, now that their registration has committed. */
	private void remember(CheckInBatch batch, PersonIds.Key @Nullable [] keys) {
		if (keys == null || batch.unknown == null) {
			return;
		}
		for (int i = 0; i < keys.length; i++) {
			if (batch.unknown[i] != null) {
				personIds.remember(keys[i], batch.person[i]);
			}
		}
	}

	private @Nullable FieldProblem controlCharacter(String prefix, Visitor visitor) {
		String[] fields = { "name", "idNumber", "phone" };
		String[] values = { visitor.name(), visitor.idNumber(), visitor.phone() };
		for (int f = 0; f < fields.length; f++) {
			int at = ControlCharacters.firstIn(values[f]);
			if (at > 0) {
				return messages.problem(prefix + fields[f], "venue.input.control", messages.get("venue.field." + fields[f]),
						at);
			}
		}
		return null;
	}

	private @Nullable String refusal(byte reason, String colour, VenueRegistry.Ref venue) {
		return switch (reason) {
			case CheckInBatch.REFUSED_COLOUR -> messages.get("venue.refusal.colour." + colour);
			case CheckInBatch.REFUSED_CLOSED -> messages.get("venue.refusal.closed",
					venue.closureReason() == null ? "" : venue.closureReason());
			case CheckInBatch.REFUSED_EXIT_ONLY -> messages.get("venue.refusal.exitOnly",
					venue.closureReason() == null ? "" : venue.closureReason());
			default -> null;
		};
	}

	/** The end of a stay: the declared departure, or the default stay; never longer than the cap. */
	long end(long arrival, long departure) {
		long cap = arrival + properties.maxStay().getSeconds();
		long end = departure == Long.MIN_VALUE ? arrival + properties.defaultStay().getSeconds() : departure;
		return Math.min(end, cap);
	}

	private void await(CheckInBatch batch) {
		try {
			batch.done.get(properties.ingest().timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotStored(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new NotStored(ex);
		}
	}

	/** Check-ins could not be made durable (database unavailable, shutting down): nothing was acknowledged. */
	public static class NotStored extends RuntimeException {

		NotStored(Throwable cause) {
			super("check-ins not stored: " + cause.getMessage(), cause);
		}

	}

	private static long epochSecond(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Long.MIN_VALUE;
		}
		try {
			return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
		}
		catch (DateTimeException ex) {
			return Long.MIN_VALUE;
		}
	}

}
