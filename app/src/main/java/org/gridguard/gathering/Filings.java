package org.gridguard.gathering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.gridguard.response.PlanFiles;
import org.gridguard.responsibility.FourParties;
import org.gridguard.responsibility.ResponsibilityManagement;
import org.gridguard.responsibility.Subject;
import org.gridguard.shared.PhoneNumber;
import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing a meeting or event: checks what was entered (every problem by field, the answer why it cannot be held online
 * required), reads the rule profile in force once and keeps what it decided: refused with its reasons, approved at once
 * below the filing threshold, or pending with its approval steps and their deadlines. Every event that is not refused
 * gets its four parties (属地 = its town, 部门 = its sector, 单位 = the organizer, 个人 = the responsible person).
 */
@Service
@Transactional
public class Filings {

	private final GatheringWriter writer;

	private final GatheringQueries queries;

	private final GatheringProfile profile;

	private final PlanFiles planFiles;

	private final EventPlaces places;

	private final Organizers organizers;

	private final GatheringNotices notices;

	private final RegionManagement regions;

	private final ResponsibilityManagement responsibility;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	Filings(GatheringWriter writer, GatheringQueries queries, GatheringProfile profile, PlanFiles planFiles,
			EventPlaces places, Organizers organizers, GatheringNotices notices, RegionManagement regions,
			ResponsibilityManagement responsibility, AuditLog audit, Messages messages, Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.profile = profile;
		this.planFiles = planFiles;
		this.places = places;
		this.organizers = organizers;
		this.notices = notices;
		this.regions = regions;
		this.responsibility = responsibility;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** What a filing came to: the event, its steps (none when refused or approved at once) and the reasons. */
	public record Filed(Gathering event, List<Step> steps, List<Reason> reasons) {
	}

	/**
	 * Files an event with its prevention plan ({@code plan} may be null: it can be uploaded later, before the first
	 * step is decided).
	 * @throws InvalidInput naming each field that is missing or wrong (nothing is stored)
	 */
	public Filed file(NewGathering input, @Nullable Upload plan, Jurisdiction who) {
		if (!who.mayFileEvents()) {
			throw new NotFound("events");
		}
		var problems = new ArrayList<FieldProblem>();
		String name = text(input.name(), 100, "name", "gathering.name.invalid", problems);
		Long organizerId = who.organizerUnit() != null ? who.organizerUnit() : input.organizerId();
		String organizer;
		if (organizerId != null) {
			Optional<Organizers.Organizer> unit = organizers.find(organizerId).map(u -> organizers.get(u.id()));
			if (unit.isEmpty()) {
				problems.add(messages.problem("organizerId", "gathering.organizer.unknown"));
				organizer = "";
			}
			else {
				organizer = unit.get().name();
			}
		}
		else {
			organizer = text(input.organizer(), 200, "organizer", "gathering.organizer.invalid", problems);
		}
		String responsible = text(input.responsiblePerson(), 60, "responsiblePerson",
				"gathering.responsiblePerson.invalid", problems);
		PhoneNumber.Parsed phone = PhoneNumber.parse(input.responsiblePhone());
		if (phone.phone() == null) {
			problems.add(messages.problem("responsiblePhone", "validation.phone.format"));
		}
		String town = input.townCode() == null ? "" : input.townCode().strip();
		Optional<Region> region = town.isEmpty() ? Optional.empty() : regions.find(town);
		if (region.isEmpty() || region.get().level() != RegionLevel.TOWN || !region.get().active()) {
			problems.add(messages.problem("townCode", "gathering.town.unknown"));
		}
		else if (!who.within(town) && who.organizerUnit() == null) {
			problems.add(messages.problem("townCode", "gathering.town.outside"));
		}
		String address = text(input.address(), 200, "address", "gathering.address.invalid", problems);
		String sector = Sector.CULTURE_TOURISM.name();
		if (input.sector() != null && !input.sector().isBlank()) {
			try {
				sector = Sector.valueOf(input.sector().strip()).name();
			}
			catch (IllegalArgumentException ex) {
				problems.add(messages.problem("sector", "gathering.sector.invalid"));
			}
		}
		Instant now = clock.instant();
		Instant startsAt = time(input.startsAt(), "startsAt", problems);
		Instant endsAt = time(input.endsAt(), "endsAt", problems);
		if (startsAt != null && startsAt.isBefore(now)) {
			problems.add(messages.problem("startsAt", "gathering.startsAt.past"));
		}
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			problems.add(messages.problem("endsAt", "gathering.endsAt.beforeStart"));
		}
		Integer headcount = input.expectedHeadcount();
		if (headcount == null || headcount < 1 || headcount > 1_000_000) {
			problems.add(messages.problem("expectedHeadcount", "gathering.headcount.invalid"));
		}
		if (input.indoor() == null) {
			problems.add(messages.problem("indoor", "gathering.indoor.required"));
		}
		String why = input.whyNotOnline() == null ? "" : input.whyNotOnline().strip();
		if (why.isEmpty()) {
			problems.add(messages.problem("whyNotOnline", "gathering.whyNotOnline.required"));
		}
		else if (why.length() > 1000) {
			problems.add(messages.problem("whyNotOnline", "gathering.whyNotOnline.tooLong"));
		}
		PlanFiles.Checked checkedPlan = plan == null || plan.size() == 0 && (plan.filename() == null || plan.filename().isBlank())
				? null : planFiles.check("plan", plan.filename(), plan.size(), plan.content(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		EventRules rules = profile.rules();
		EventRules.Decision decision = rules.decide(headcount, input.indoor(), startsAt, now);
		Gathering.State state = decision.refused() ? Gathering.State.REFUSED
				: decision.steps().isEmpty() ? Gathering.State.APPROVED : Gathering.State.PENDING;
		var row = new GatheringWriter.NewRow(name, organizerId, organizer, responsible, phone.phone().value(), town,
				address, sector, startsAt, endsAt, headcount, input.indoor(), why);
		long id = writer.insert(row, state, decision.tier(), rules, now, who.username());
		writer.insertReasons("EVENT", id, decision.reasons());
		writer.insertSteps(id, decision.steps(), sector, town, rules, now);
		if (checkedPlan != null && !decision.refused()) {
			writer.storePlan(id, checkedPlan);
		}
		Gathering event = queries.find(id).orElseThrow();
		if (!decision.refused()) {
			responsibility.assign(Subject.event(id), name, new FourParties(town, Sector.valueOf(sector), organizer,
					responsible, phone.phone().value(), responsible, phone.phone().value()), who.username());
		}
		if (state == Gathering.State.APPROVED) {
			places.open(event);
			event = queries.find(id).orElseThrow();
		}
		List<Step> steps = queries.steps(id);
		if (!steps.isEmpty()) {
			notices.stepOpened(event, steps.get(0));
		}
		audit.record("GATHERING_FILE", "gathering_event", String.valueOf(id),
				state + " · " + decision.tier() + " · " + headcount + " · " + rules.level());
		return new Filed(event, steps, decision.reasons());
	}

	/** Uploads or replaces the prevention plan of a pending or approved event (its organizer or the command). */
	public void uploadPlan(long eventId, Upload plan, Jurisdiction who) {
		Gathering event = queries.get(eventId, who);
		if (!mayChange(event, who)) {
			throw new NotFound("event " + eventId);
		}
		var problems = new ArrayList<FieldProblem>();
		PlanFiles.Checked checked = planFiles.check("plan", plan.filename(), plan.size(), plan.content(), problems);
		if (checked == null) {
			throw new InvalidInput(problems);
		}
		if (!writer.storePlan(eventId, checked)) {
			throw InvalidInput.of("plan", messages.get("gathering.plan.closed"));
		}
		audit.record("GATHERING_PLAN", "gathering_event", String.valueOf(eventId), checked.filename());
	}

	/** The plan document of an event the reader sees: its name, media type and content. */
	@Transactional(readOnly = true)
	public Optional<PlanDocument> plan(long eventId, Jurisdiction who) {
		Gathering event = queries.get(eventId, who);
		return queries.sealedPlan(eventId).map(sealed -> new PlanDocument(
				event.planFilename() == null ? "plan" : event.planFilename(),
				queries.planMediaType(eventId).orElse("application/octet-stream"), writer.open(sealed)));
	}

	public record PlanDocument(String filename, String mediaType, byte[] content) {
	}

	/** Whether the reader files for this event: its organizer's accounts, or the command of its town. */
	public static boolean mayChange(Gathering event, Jurisdiction who) {
		if (who.organizerUnit() != null) {
			return who.organizerUnit().equals(event.organizerId());
		}
		return who.mayFileEvents() && who.within(event.townCode());
	}

	private String text(@Nullable String raw, int max, String field, String key, List<FieldProblem> problems) {
		String s = raw == null ? "" : raw.strip();
		if (s.isEmpty() || s.length() > max) {
			problems.add(messages.problem(field, key, max));
		}
		return s;
	}

	private @Nullable Instant time(@Nullable String raw, String field, List<FieldProblem> problems) {
		String s = raw == null ? "" : raw.strip();
		if (s.isEmpty()) {
			problems.add(messages.problem(field, "gathering.time.required"));
			return null;
		}
		try {
			return OffsetDateTime.parse(s).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(s).atZone(clock.getZone()).toInstant();
			}
			catch (DateTimeParseException again) {
				problems.add(messages.problem(field, "gathering.time.format"));
				return null;
			}
		}
	}

}
