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

import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.PersonInput;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check-ins in batches from other systems ({@link CheckIns#record}): every item is validated on its own (a batch keeps
 * its valid items and names the reason of each rejected one), and a batch with an idempotency key is stored once
 * however often it is sent.
 */
@Component
class BatchCheckIns {

	/** What is kept with an idempotency key and answered again to a retry. */
	record Answer(int accepted, List<CheckIns.Rejected> rejected, List<CheckIns.Accepted> results) {
	}

	private final VenueRegistry registry;

	private final CheckInWriter writer;

	private final PersonIds personIds;

	private final CheckInReceipts receipts;

	private final CheckInPartitions partitions;

	private final Messages messages;

	private final MessageSource source;

	private final JsonMapper json;

	private final Clock clock;

	private final VenueProperties properties;

	BatchCheckIns(VenueRegistry registry, CheckInWriter writer, PersonIds personIds, CheckInReceipts receipts,
			CheckInPartitions partitions, Messages messages, MessageSource source, JsonMapper json, Clock clock,
			VenueProperties properties) {
		this.registry = registry;
		this.writer = writer;
		this.personIds = personIds;
		this.receipts = receipts;
		this.partitions = partitions;
		this.messages = messages;
		this.source = source;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	CheckIns.BatchOutcome record(List<CheckIns.@Nullable RawCheckIn> items, Jurisdiction who, @Nullable String idempotencyKey) {
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
		var rejected = new ArrayList<CheckIns.Rejected>();
		var inputs = new ArrayList<PersonInput>(items.size());
		int[] index = new int[items.size()];
		long[] venue = new long[items.size()];
		long[] at = new long[items.size()];
		long[] left = new long[items.size()];
		String unnamed = source.getMessage("venue.checkin.unnamed", null, Locale.SIMPLIFIED_CHINESE);
		int n = 0;
		for (int i = 0; i < items.size(); i++) {
			CheckIns.RawCheckIn item = items.get(i);
			if (item == null) {
				rejected.add(new CheckIns.Rejected(i, "checkins", messages.get("venue.checkin.item.empty")));
				continue;
			}
			CheckIns.Rejected unreadable = controlCharacter(i, item);
			if (unreadable != null) {
				rejected.add(unreadable);
				continue;
			}
			String code = item.venueCode() == null ? "" : item.venueCode().strip().toUpperCase(Locale.ROOT);
			VenueRegistry.Code known = code.isEmpty() ? null : registry.code(code);
			VenueRegistry.Ref ref = known == null ? null : registry.venue(known.venueId());
			if (ref == null || !VenueAccess.sees(who, ref)) {
				rejected.add(new CheckIns.Rejected(i, "venueCode", messages.get("venue.checkin.venue.unknown")));
				continue;
			}
			if (known.revoked() || !ref.active()) {
				rejected.add(new CheckIns.Rejected(i, "venueCode", messages.get("venue.checkin.venue.revoked")));
				continue;
			}
			IdDocument.Parsed doc = IdDocument.parse(IdType.RESIDENT_ID, item.idNumber(), today, "idNumber", messages);
			if (doc.document() == null) {
				rejected.add(new CheckIns.Rejected(i, "idNumber", doc.problem().message()));
				continue;
			}
			long arrival = epochSecond(item.at());
			if (arrival == Long.MIN_VALUE) {
				rejected.add(new CheckIns.Rejected(i, "at", messages.get("venue.checkin.at.format")));
				continue;
			}
			if (arrival > latest) {
				rejected.add(new CheckIns.Rejected(i, "at", messages.get("venue.checkin.at.future",
						properties.futureSkew().toMinutes())));
				continue;
			}
			if (arrival < oldest) {
				rejected.add(new CheckIns.Rejected(i, "at", messages.get("venue.checkin.at.tooOld", properties.retentionDays())));
				continue;
			}
			long departure = Long.MIN_VALUE;
			if (item.leftAt() != null && !item.leftAt().isBlank()) {
				departure = epochSecond(item.leftAt());
				if (departure == Long.MIN_VALUE) {
					rejected.add(new CheckIns.Rejected(i, "leftAt", messages.get("venue.checkin.leftAt.format")));
					continue;
				}
				if (departure < arrival) {
					rejected.add(new CheckIns.Rejected(i, "leftAt", messages.get("venue.checkin.leftAt.beforeAt")));
					continue;
				}
				if (departure > latest) {
					rejected.add(new CheckIns.Rejected(i, "leftAt", messages.get("venue.checkin.leftAt.future",
							properties.futureSkew().toMinutes())));
					continue;
				}
			}
			String phone = null;
			if (item.phone() != null && !item.phone().isBlank()) {
				PhoneNumber.Parsed parsed = PhoneNumber.parse(item.phone());
				if (parsed.phone() == null) {
					rejected.add(new CheckIns.Rejected(i, "phone", messages.get("validation.phone.format")));
					continue;
				}
				phone = parsed.phone().value();
			}
			String name = item.name() == null || item.name().isBlank() ? unnamed : item.name().strip();
			if (name.length() > 50) {
				rejected.add(new CheckIns.Rejected(i, "name", messages.get("venue.visitor.name.invalid")));
				continue;
			}
			inputs.add(new PersonInput(doc.document(), name, phone, null));
			index[n] = i;
			venue[n] = ref.id();
			at[n] = arrival;
			left[n] = departure;
			n++;
		}
		rejected.sort(java.util.Comparator.comparingInt(CheckIns.Rejected::index));
		var batch = new CheckInBatch(n);
		for (int k = 0; k < n; k++) {
			batch.set(k, 0, venue[k], at[k], left[k], properties.stayEnd(at[k], left[k]), CheckInBatch.API);
		}
		PersonIds.Key[] keys = personIds.identify(batch, inputs, "venue:api");
		if (idempotencyKey != null) {
			batch.claim = new CheckInReceipts.Claim(who.username(), idempotencyKey, requestHash,
					b -> json.writeValueAsString(answer(b, index, rejected)));
		}
		writer.store(batch);
		personIds.remember(batch, keys);
		if (batch.duplicate) {
			// another request with this key committed first
			CheckInReceipts.Stored stored = receipts.find(who.username(), idempotencyKey);
			if (stored == null) {
				throw new CheckIns.NotStored(new IllegalStateException("idempotency key taken and gone"));
			}
			return replay(stored, requestHash, idempotencyKey);
		}
		Answer answer = answer(batch, index, rejected);
		return new CheckIns.BatchOutcome(answer.accepted(), answer.rejected(), answer.results(), false);
	}

	private static Answer answer(CheckInBatch batch, int[] index, List<CheckIns.Rejected> rejected) {
		var results = new ArrayList<CheckIns.Accepted>(batch.size);
		for (int k = 0; k < batch.size; k++) {
			results.add(new CheckIns.Accepted(index[k], batch.colour[k].name(), batch.admitted(k)));
		}
		return new Answer(batch.size, rejected, results);
	}

	/** The first answer of a key, when this request holds the same items; refused naming the key otherwise. */
	private CheckIns.BatchOutcome replay(CheckInReceipts.Stored stored, byte[] requestHash, String key) {
		if (!java.security.MessageDigest.isEqual(stored.requestHash(), requestHash)) {
			throw InvalidInput.of("idempotencyKey", messages.get("venue.checkin.key.reused", "idempotencyKey", key));
		}
		Answer answer = json.readValue(stored.answer(), Answer.class);
		return new CheckIns.BatchOutcome(answer.accepted(), answer.rejected(), answer.results(), true);
	}

	/** The first field of an item holding a control character, named with the character's position. */
	private CheckIns.@Nullable Rejected controlCharacter(int index, CheckIns.RawCheckIn item) {
		String[] fields = { "venueCode", "idNumber", "at", "leftAt", "name", "phone" };
		String[] values = { item.venueCode(), item.idNumber(), item.at(), item.leftAt(), item.name(), item.phone() };
		for (int f = 0; f < fields.length; f++) {
			int at = ControlCharacters.firstIn(values[f]);
			if (at > 0) {
				return new CheckIns.Rejected(index, fields[f], messages.get("venue.input.control", fields[f], at));
			}
		}
		return null;
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
