package org.gridguard.venue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.Person;
import org.gridguard.person.PersonInput;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.MessageGateway;
import org.gridguard.platform.Messages;
import org.gridguard.platform.ListQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sentinel pharmacies (零售药店哨点): real-name registration of buyers of fever, cough, cold and antiviral medicine.
 * Each purchase sends the buyer a test reminder and publishes {@link SentinelPurchaseRecorded}, on which the control
 * loop opens a verification task.
 */
@Service
@Transactional
public class SentinelPharmacy {

	private static final Logger LOG = LoggerFactory.getLogger(SentinelPharmacy.class);

	/** The kinds of medicine whose buyers are registered. */
	public static final List<String> MEDICINES = List.of("ANTIPYRETIC", "COUGH", "COLD", "ANTIVIRAL", "ANTIBIOTIC");

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final JdbcClient jdbc;

	private final VenueManagement venues;

	private final PersonIds personIds;

	private final PersonManagement persons;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<MessageGateway> gateway;

	private final AuditLog audit;

	private final Messages messages;

	private final MessageSource source;

	private final Clock clock;

	SentinelPharmacy(JdbcClient jdbc, VenueManagement venues, PersonIds personIds, PersonManagement persons,
			ApplicationEventPublisher events, ObjectProvider<MessageGateway> gateway, AuditLog audit,
			Messages messages, MessageSource source, Clock clock) {
		this.jdbc = jdbc;
		this.venues = venues;
		this.personIds = personIds;
		this.persons = persons;
		this.events = events;
		this.gateway = gateway;
		this.audit = audit;
		this.messages = messages;
		this.source = source;
		this.clock = clock;
	}

	/** What the pharmacist enters. */
	public record PurchaseForm(@Nullable String name, @Nullable String idNumber, @Nullable String phone,
			@Nullable List<String> medicines, @Nullable Integer quantity, boolean fever, boolean proxy) {

		public static PurchaseForm empty() {
			return new PurchaseForm("", "", "", List.of(), 1, false, false);
		}

	}

	/** Records a purchase at a pharmacy the caller runs; every problem is named by field. Returns the purchase id. */
	public long record(long venueId, PurchaseForm form, Jurisdiction who) {
		Venue venue = venues.getToRun(venueId, who);
		var problems = new ArrayList<FieldProblem>();
		if (!venue.pharmacy()) {
			throw InvalidInput.of("venue", messages.get("venue.purchase.notPharmacy"));
		}
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty() || name.length() > 50) {
			problems.add(messages.problem("name", "venue.visitor.name.invalid"));
		}
		IdDocument.Parsed doc = IdDocument.parse(IdType.RESIDENT_ID, form.idNumber(), LocalDate.now(clock), "idNumber",
				messages);
		if (doc.problem() != null) {
			problems.add(doc.problem());
		}
		PhoneNumber.Parsed phone = PhoneNumber.parse(form.phone());
		if (phone.phone() == null) {
			problems.add(messages.problem("phone",
					phone.problem() == PhoneNumber.Problem.EMPTY ? "validation.phone.empty" : "validation.phone.format"));
		}
		Set<String> medicines = new LinkedHashSet<>(form.medicines() == null ? List.of() : form.medicines());
		if (medicines.isEmpty() || !MEDICINES.containsAll(medicines)) {
			problems.add(messages.problem("medicines", "venue.purchase.medicines"));
		}
		int quantity = form.quantity() == null ? 1 : form.quantity();
		if (quantity < 1 || quantity > 100) {
			problems.add(messages.problem("quantity", "venue.purchase.quantity"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long personId = personIds.resolve(
				List.of(new PersonInput(doc.document(), name, phone.phone().value(), null)), "venue:pharmacy")[0];
		Instant now = clock.instant();
		String codes = String.join(",", medicines);
		long id = jdbc.sql("""
				INSERT INTO venue_sentinel_purchase (venue_id, person_id, at, medicines, quantity, fever, proxy, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(venueId, personId, Timestamp.from(now), codes, quantity, form.fever(), form.proxy(), who.username())
			.query(Long.class)
			.single();
		audit.record("VENUE_PURCHASE", "venue", String.valueOf(venueId), doc.document().masked() + " · " + codes);
		events.publishEvent(new SentinelPurchaseRecorded(personId, venueId, now, codes));
		remind(phone.phone().value(), venue, medicines, now);
		return id;
	}

	private void remind(String mobile, Venue venue, Set<String> medicines, Instant at) {
		// the buyer reads this on their phone: always in the city's language
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		String kinds = medicines.stream()
			.map(m -> source.getMessage("venue.medicine." + m, null, m, zh))
			.collect(Collectors.joining("、"));
		String text = source.getMessage("venue.purchase.reminder",
				new Object[] { DAY_TIME.format(ZonedDateTime.ofInstant(at, clock.getZone())), venue.name(), kinds }, zh);
		try {
			gateway.ifAvailable(g -> g.send(List.of(mobile), text));
		}
		catch (RuntimeException ex) {
			LOG.warn("Test reminder to a pharmacy buyer not sent: {}", ex.getMessage());
		}
	}

	/** Purchases at a pharmacy the caller sees, newest first (buyers masked); a bulk read of personal data. */
	public PageResult<Purchase> recent(long venueId, Jurisdiction who, Paging paging) {
		PageResult<PurchaseRow> rows = recentList(venueId, who).page(jdbc, paging);
		Map<Long, Person> people = persons.readForList(rows.items().stream().map(PurchaseRow::personId).distinct().toList(),
				"pharmacy-purchases", String.valueOf(venueId), null);
		return new PageResult<>(purchasesOf(rows.items(), people), paging.page(), paging.size(), rows.total());
	}

	/** One purchase before its buyer's (masked) name and number are looked up. */
	public record PurchaseRow(long id, Instant at, long personId, String medicines, int quantity, boolean fever,
			boolean proxy) {
	}

	/** Every purchase of {@link #recent}, newest first (for the export); 404 for a venue the caller does not see. */
	public ListQuery<PurchaseRow> recentList(long venueId, Jurisdiction who) {
		venues.get(venueId, who);
		return new ListQuery<>("id, at, person_id, medicines, quantity, fever, proxy",
				"venue_sentinel_purchase WHERE venue_id = ?", List.of(venueId), "at DESC, id DESC",
				(rs, i) -> new PurchaseRow(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getString(4),
						rs.getInt(5), rs.getBoolean(6), rs.getBoolean(7)));
	}

	/** The purchases of these rows with the buyers masked as the page shows them (the export audits them itself). */
	public List<Purchase> purchasesForExport(List<PurchaseRow> rows) {
		return purchasesOf(rows, persons.findAll(rows.stream().map(PurchaseRow::personId).distinct().toList()));
	}

	private static List<Purchase> purchasesOf(List<PurchaseRow> rows, Map<Long, Person> people) {
		return rows.stream().map(r -> {
			Person p = people.get(r.personId());
			return new Purchase(r.id(), r.at(), r.personId(), p == null ? "?" : Masking.name(p.name()),
					p == null ? "?" : p.idMasked(), r.medicines(), r.quantity(), r.fever(), r.proxy());
		}).toList();
	}

}
