package org.gridguard.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.shared.IdNumber;
import org.gridguard.venue.RiskArea;
import org.gridguard.venue.RiskAreas;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The rules a notice's content must meet before it is stored, each refusal naming its field: a title and a body of
 * bounded length, no identity number or mobile number in either (a notice names areas and venues, never persons),
 * risk areas from the current list, an end after the start and in the future, and a replaced notice that is in
 * force.
 */
@Component
class NoticeChecks {

	static final int TITLE_MAX = 100;

	static final int BODY_MAX = 10_000;

	/** 18 characters that could be a resident identity number; the check character decides. */
	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[0-9Xx](?![0-9A-Za-z])");

	/** A mainland mobile number, also written with spaces or hyphens (138 1234 5678). */
	private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![0-9])");

	private final RiskAreas riskAreas;

	private final NoticeQueries queries;

	private final Messages messages;

	private final Clock clock;

	NoticeChecks(RiskAreas riskAreas, NoticeQueries queries, Messages messages, Clock clock) {
		this.riskAreas = riskAreas;
		this.queries = queries;
		this.messages = messages;
		this.clock = clock;
	}

	/** The content of {@code draft}, or every problem with it. */
	NoticeContent check(NoticeDraft draft) {
		var problems = new ArrayList<FieldProblem>();
		String title = draft.title() == null ? "" : draft.title().strip();
		String body = draft.body() == null ? "" : draft.body().strip();
		text("title", title, TITLE_MAX, problems);
		text("body", body, BODY_MAX, problems);
		Instant from = time("effectiveFrom", draft.effectiveFrom(), problems);
		Instant until = time("effectiveUntil", draft.effectiveUntil(), problems);
		if (until != null) {
			if (from != null && !until.isAfter(from)) {
				problems.add(messages.problem("effectiveUntil", "notice.effectiveUntil.beforeFrom"));
			}
			else if (!until.isAfter(clock.instant())) {
				problems.add(messages.problem("effectiveUntil", "notice.effectiveUntil.past"));
			}
		}
		var areas = new ArrayList<Notice.ListedArea>();
		for (Long id : new LinkedHashSet<>(draft.areaIds())) {
			RiskArea area = id == null ? null : riskAreas.find(id).filter(a -> a.endedAt() == null).orElse(null);
			if (area == null) {
				problems.add(messages.problem("riskAreas", "notice.riskArea.unknown", id));
			}
			else {
				areas.add(new Notice.ListedArea(area.id(), area.name(), area.level()));
			}
		}
		Long supersedes = draft.supersedes();
		if (supersedes != null
				&& queries.find(supersedes).filter(n -> n.inForce(clock.instant())).isEmpty()) {
			problems.add(messages.problem("supersedes", "notice.supersedes.notInForce"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new NoticeContent(title, body, from, until, List.copyOf(areas), supersedes);
	}

	/** The listed areas that the venue module no longer lists (a notice must not be published with them). */
	List<FieldProblem> endedAreas(Notice notice) {
		var problems = new ArrayList<FieldProblem>();
		for (Notice.ListedArea area : notice.riskAreas()) {
			if (riskAreas.find(area.areaId()).filter(a -> a.endedAt() == null).isEmpty()) {
				problems.add(messages.problem("riskAreas", "notice.riskArea.ended", area.name()));
			}
		}
		return problems;
	}

	private void text(String field, String value, int max, List<FieldProblem> problems) {
		if (value.isEmpty()) {
			problems.add(messages.problem(field, "notice.text.required"));
		}
		else if (value.length() > max) {
			problems.add(messages.problem(field, "notice.text.tooLong", max, value.length()));
		}
		else if (containsIdNumber(value)) {
			problems.add(messages.problem(field, "notice.text.idNumber"));
		}
		else if (containsMobile(value)) {
			problems.add(messages.problem(field, "notice.text.mobile"));
		}
	}

	/** Whether the text holds a valid resident identity number (its check character matches). */
	static boolean containsIdNumber(String text) {
		Matcher m = ID_NUMBER.matcher(text);
		while (m.find()) {
			String candidate = m.group().toUpperCase(java.util.Locale.ROOT);
			if (IdNumber.checkCharacter(candidate.substring(0, 17)) == candidate.charAt(17)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the text holds a mobile number. */
	static boolean containsMobile(String text) {
		return MOBILE.matcher(text).find();
	}

	private @Nullable Instant time(String field, @Nullable String raw, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(raw.strip()).atZone(clock.getZone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			problems.add(messages.problem(field, "notice.time.invalid", raw.strip()));
			return null;
		}
	}

}
