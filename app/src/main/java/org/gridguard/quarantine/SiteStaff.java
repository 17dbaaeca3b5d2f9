package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site's staff (rules §5): each in a working group with the protection level of its tasks, on closed-loop shifts,
 * tested daily while on shift; a staff member on shift without a test by the configured time is flagged and the
 * site alerted.
 */
@Service
@Transactional
public class SiteStaff {

	private final QuarantineWriter writer;

	private final SiteQueries queries;

	private final JdbcClient jdbc;

	private final QuarantineProperties properties;

	private final SiteNotices notices;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	SiteStaff(QuarantineWriter writer, SiteQueries queries, JdbcClient jdbc, QuarantineProperties properties,
			SiteNotices notices, AuditLog audit, Messages messages, Clock clock) {
		this.writer = writer;
		this.queries = queries;
		this.jdbc = jdbc;
		this.properties = properties;
		this.notices = notices;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A member of a site's staff.
	 *
	 * @param testMissed on shift and not tested within the interval by the day's deadline
	 */
	public record Member(long id, long siteId, String name, Site.Team team, int ppeLevel, @Nullable LocalDate shiftFrom,
			@Nullable LocalDate shiftUntil, @Nullable LocalDate lastTestOn, boolean onShift, boolean testMissed) {
	}

	/** The active staff of a site the caller sees, by group and name. */
	public List<Member> list(long siteId, Jurisdiction who) {
		queries.site(siteId, who);
		return members(siteId);
	}

	List<Member> members(long siteId) {
		LocalDate today = LocalDate.now(clock);
		boolean pastDeadline = LocalDateTime.now(clock).toLocalTime().isAfter(properties.staffTestBy());
		return jdbc.sql("SELECT * FROM quarantine_staff WHERE site_id = ? AND active ORDER BY team, name, id")
			.param(siteId)
			.query((rs, i) -> {
				LocalDate from = rs.getObject("shift_from", LocalDate.class);
				LocalDate until = rs.getObject("shift_until", LocalDate.class);
				LocalDate tested = rs.getObject("last_test_on", LocalDate.class);
				boolean onShift = from != null && !today.isBefore(from) && (until == null || !today.isAfter(until));
				LocalDate dueBy = today.minusDays(properties.staffTestDays() - 1L);
				boolean behind = tested == null || tested.isBefore(dueBy);
				boolean overdue = tested == null ? pastDeadline
						: tested.isBefore(dueBy.minusDays(1)) || tested.isBefore(dueBy) && pastDeadline;
				return new Member(rs.getLong("id"), siteId, rs.getString("name"), Site.Team.valueOf(rs.getString("team")),
						rs.getInt("ppe_level"), from, until, tested, onShift, onShift && behind && overdue);
			})
			.list();
	}

	/** Adds a member to a group; their protection level defaults to the group's. */
	public long add(long siteId, @Nullable String name, Site.@Nullable Team team, @Nullable Integer ppeLevel,
			Jurisdiction who) {
		queries.siteToRun(siteId, who);
		var problems = new java.util.ArrayList<FieldProblem>();
		String clean = SiteRegistry.clean(name);
		if (clean.isEmpty() || clean.length() > 50) {
			problems.add(messages.problem("name", "quarantine.staff.name.invalid"));
		}
		if (team == null) {
			problems.add(messages.problem("team", "quarantine.team.invalid"));
		}
		if (ppeLevel != null && (ppeLevel < 1 || ppeLevel > 3)) {
			problems.add(messages.problem("ppeLevel", "quarantine.staff.ppe.invalid"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = writer.insertStaff(siteId, clean, team, ppeLevel == null ? team.ppeLevel() : ppeLevel, clock.instant());
		audit.record("QUARANTINE_STAFF_ADD", "quarantine_site", String.valueOf(siteId), team.name());
		return id;
	}

	/** Records a staff member's test of a day (today by default). */
	public void tested(long siteId, long staffId, @Nullable LocalDate on, Jurisdiction who) {
		queries.siteToRun(siteId, who);
		LocalDate day = on == null ? LocalDate.now(clock) : on;
		if (day.isAfter(LocalDate.now(clock))) {
			throw InvalidInput.of("on", messages.get("quarantine.staff.test.future"));
		}
		if (!writer.staffTested(siteId, staffId, day)) {
			throw new Conflict("staff", messages.get("quarantine.staff.gone"));
		}
	}

	/** Starts a closed-loop shift today (or on {@code from}) for the configured number of days (or {@code days}). */
	public void startShift(long siteId, long staffId, @Nullable LocalDate from, @Nullable Integer days, Jurisdiction who) {
		queries.siteToRun(siteId, who);
		LocalDate start = from == null ? LocalDate.now(clock) : from;
		int length = days == null ? properties.shiftDays() : days;
		if (length < 1 || length > 60) {
			throw InvalidInput.of("days", messages.get("quarantine.staff.shift.invalid"));
		}
		if (!writer.staffShift(siteId, staffId, start, start.plusDays(length - 1L))) {
			throw new Conflict("staff", messages.get("quarantine.staff.gone"));
		}
	}

	/** Ends a shift today. */
	public void endShift(long siteId, long staffId, Jurisdiction who) {
		queries.siteToRun(siteId, who);
		LocalDate today = LocalDate.now(clock);
		if (!writer.staffShift(siteId, staffId, null, null)) {
			throw new Conflict("staff", messages.get("quarantine.staff.gone"));
		}
		audit.record("QUARANTINE_SHIFT_END", "quarantine_staff", String.valueOf(staffId), today.toString());
	}

	/** Moves a member to another task with its protection level. */
	public void assign(long siteId, long staffId, Site.@Nullable Team team, @Nullable Integer ppeLevel, Jurisdiction who) {
		queries.siteToRun(siteId, who);
		if (team == null) {
			throw InvalidInput.of("team", messages.get("quarantine.team.invalid"));
		}
		int level = ppeLevel == null ? team.ppeLevel() : ppeLevel;
		if (level < 1 || level > 3) {
			throw InvalidInput.of("ppeLevel", messages.get("quarantine.staff.ppe.invalid"));
		}
		if (!writer.staffPpe(siteId, staffId, team, level)) {
			throw new Conflict("staff", messages.get("quarantine.staff.gone"));
		}
	}

	public void remove(long siteId, long staffId, Jurisdiction who) {
		queries.siteToRun(siteId, who);
		writer.staffLeaves(siteId, staffId);
	}

	/** Alerts a site once a day for each member on shift who missed a test. */
	@Scheduled(fixedDelayString = "${gridguard.quarantine.alert-interval:60s}", initialDelayString = "45s")
	void alertMissedTests() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		for (Site site : queries.allSites(null)) {
			for (Member m : members(site.id())) {
				if (m.testMissed()) {
					notices.toSite(site, Notification.Severity.WARNING,
							StoredText.of("quarantine.notify.staffTest", m.name()), "",
							"/quarantine/sites/" + site.id(), "quarantine:staff-test:" + m.id() + ":" + today);
				}
			}
		}
	}

}
