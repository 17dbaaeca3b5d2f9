package org.gridguard.inspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.responsibility.FourParties;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An inspection at a key place: the inspector's marks on the place's checklist, with notes and photos. Every failed
 * item becomes a rectification order to the place's responsible person (个人 of its four parties, else its unit's
 * contact, else its registered manager) with a deadline by the item's severity under the response level in force.
 */
@Service
@Transactional
public class Inspections {

	/** One marked item: its code in the checklist, whether it passed, and a note. */
	public record ItemResult(@Nullable String item, @Nullable Boolean passed, @Nullable String note) {
	}

	/** A stored inspection and the orders it opened. */
	public record Submitted(long id, List<RectificationOrder> orders) {
	}

	private final JdbcClient jdbc;

	private final VenueManagement venues;

	private final ResponsibilityManagement responsibility;

	private final Checklists checklists;

	private final InspectionProfile profile;

	private final OrderWriter orders;

	private final Photos photos;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Inspections(JdbcClient jdbc, VenueManagement venues, ResponsibilityManagement responsibility, Checklists checklists,
			InspectionProfile profile, OrderWriter orders, Photos photos, AuditLog audit, Messages messages,
			Clock clock) {
		this.jdbc = jdbc;
		this.venues = venues;
		this.responsibility = responsibility;
		this.checklists = checklists;
		this.profile = profile;
		this.orders = orders;
		this.photos = photos;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Submits an inspection at the place whose venue code is given (the API): a code of no place the caller inspects is
	 * refused like an unknown one.
	 */
	public Submitted submit(@Nullable String venueCode, List<@Nullable ItemResult> items, List<Photos.Upload> uploads,
			Jurisdiction who) {
		Venue venue = venueCode == null || venueCode.isBlank() ? null
				: venues.byCode(venueCode).filter(v -> who.mayInspect(v.regionCode(), v.sector().name())).orElse(null);
		if (venue == null) {
			var problems = new ArrayList<FieldProblem>();
			problems.add(messages.problem("venueCode", "inspection.venue.unknown"));
			validate(null, items, uploads, problems);
			throw new InvalidInput(problems);
		}
		return submit(venue, items, uploads, who);
	}

	/** Submits an inspection at a place the caller sees (404 otherwise) and inspects (403 otherwise). */
	public Submitted submit(long venueId, List<@Nullable ItemResult> items, List<Photos.Upload> uploads,
			Jurisdiction who) {
		Venue venue = venues.get(venueId, who);
		if (!who.mayInspect(venue.regionCode(), venue.sector().name())) {
			throw new AccessDeniedException("not an inspector of this place");
		}
		return submit(venue, items, uploads, who);
	}

	/** The checklist a place is inspected with. */
	@Transactional(readOnly = true)
	public List<ChecklistItem> checklistOf(Venue venue) {
		return checklists.items(venue.category().name(), false);
	}

	private Submitted submit(Venue venue, List<@Nullable ItemResult> items, List<Photos.Upload> uploads,
			Jurisdiction who) {
		var problems = new ArrayList<FieldProblem>();
		Map<String, ChecklistItem> checklist = new HashMap<>();
		checklistOf(venue).forEach(i -> checklist.put(i.code(), i));
		List<Photos.Checked> checked = validate(checklist, items, uploads, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		int failed = (int) items.stream().filter(i -> !Boolean.TRUE.equals(i.passed())).count();
		long id = jdbc.sql("""
				INSERT INTO inspection (venue_id, venue_name, venue_code, category, sector, region_code, inspector,
					inspected_at, passed, failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(venue.id(), venue.name(), venue.code(), venue.category().name(), venue.sector().name(),
					venue.regionCode(), who.username(), Timestamp.from(now), items.size() - failed, failed)
			.query(Long.class)
			.single();
		Responsible responsible = responsibleOf(venue);
		var opened = new ArrayList<Long>();
		for (ItemResult result : items) {
			ChecklistItem item = checklist.get(result.item().strip());
			String note = clean(result.note());
			jdbc.sql("INSERT INTO inspection_result (inspection_id, item_code, label, severity, passed, note) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
				.params(id, item.code(), item.label(), item.severity().name(), result.passed(), note)
				.update();
			if (!result.passed()) {
				opened.add(orders.open(new OrderWriter.NewOrder(id, venue.id(), venue.name(), venue.code(),
						venue.sector().name(), venue.regionCode(), item.code(), item.label(), item.severity(), note,
						responsible.name(), responsible.phone(), now, now.plus(profile.deadline(item.severity())))));
			}
		}
		photos.store(checked, id, null, who.username());
		audit.record("INSPECTION_SUBMIT", "venue", String.valueOf(venue.id()),
				"inspection " + id + " · " + failed + "/" + items.size() + " failed");
		List<RectificationOrder> created = opened.isEmpty() ? List.of()
				: jdbc.sql("SELECT " + OrderWriter.COLUMNS + " FROM inspection_order o WHERE o.inspection_id = ? ORDER BY o.id")
					.param(id)
					.query(OrderWriter.ORDER)
					.list();
		return new Submitted(id, created);
	}

	/**
	 * Checks the marks against the checklist ({@code null}: the place is unknown, check the shape only) and the
	 * photos; every problem is named by its field ({@code items[2].item}, {@code photo-SCAN_CODE}).
	 */
	private List<Photos.Checked> validate(@Nullable Map<String, ChecklistItem> checklist,
			List<@Nullable ItemResult> items, List<Photos.Upload> uploads, List<FieldProblem> problems) {
		if (items.isEmpty()) {
			problems.add(messages.problem("items", "inspection.items.empty"));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			ItemResult r = items.get(i);
			String field = "items[" + i + "]";
			if (r == null) {
				problems.add(messages.problem(field, "inspection.item.missing"));
				continue;
			}
			String code = r.item() == null ? "" : r.item().strip();
			if (code.isEmpty() || checklist != null && !checklist.containsKey(code)) {
				problems.add(messages.problem(field + ".item", "inspection.item.unknown", code));
			}
			else if (!seen.add(code)) {
				problems.add(messages.problem(field + ".item", "inspection.item.twice", code));
			}
			if (r.passed() == null) {
				problems.add(messages.problem(field + ".passed", "inspection.item.passed.missing"));
			}
			if (r.note() != null && r.note().strip().length() > 500) {
				problems.add(messages.problem(field + ".note", "inspection.note.tooLong", 500));
			}
		}
		for (Photos.Upload upload : uploads) {
			if (upload.itemCode() != null && !seen.contains(upload.itemCode())) {
				problems.add(messages.problem(upload.field(), "inspection.photo.item"));
			}
		}
		return photos.check(uploads, problems);
	}

	record Responsible(String name, @Nullable String phone) {
	}

	Responsible responsibleOf(Venue venue) {
		FourParties parties = responsibility.of(Subject.venue(venue.id())).map(a -> a.parties()).orElse(null);
		if (parties != null && parties.individualName() != null && !parties.individualName().isBlank()) {
			return new Responsible(parties.individualName(), parties.individualPhone());
		}
		if (parties != null && parties.unitContact() != null && !parties.unitContact().isBlank()) {
			return new Responsible(parties.unitContact(), parties.unitPhone());
		}
		return new Responsible(venue.managerName(), venue.managerPhone());
	}

	static @Nullable String clean(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
