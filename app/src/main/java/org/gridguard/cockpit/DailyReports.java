package org.gridguard.cockpit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.PagedQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily report (日报): generated every day at the configured time for the day before, and on demand for any day;
 * kept with both files in the archive; every download is audited.
 */
@Service
public class DailyReports {

	private static final Logger LOG = LoggerFactory.getLogger(DailyReports.class);

	/** A report in the archive (without its files). */
	public record Report(long id, LocalDate day, String trigger, Instant generatedAt, String generatedBy, int xlsxBytes,
			int pdfBytes) {
	}

	/** A file of a report. */
	public record File(String name, String contentType, byte[] bytes) {
	}

	private static final RowMapper<Report> REPORT = (rs, i) -> new Report(rs.getLong("id"),
			rs.getObject("day", LocalDate.class), rs.getString("trigger"), rs.getTimestamp("generated_at").toInstant(),
			rs.getString("generated_by"), rs.getInt("xlsx_bytes"), rs.getInt("pdf_bytes"));

	private static final String COLUMNS = "id, day, trigger, generated_at, generated_by, length(xlsx) AS xlsx_bytes, "
			+ "length(pdf) AS pdf_bytes";

	private final ReportTables tables;

	private final ReportFiles files;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final CockpitProperties properties;

	private final Messages messages;

	DailyReports(ReportTables tables, ReportFiles files, JdbcClient jdbc, AuditLog audit, Clock clock,
			CockpitProperties properties, Messages messages) {
		this.messages = messages;
		this.tables = tables;
		this.files = files;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	/** Generates the report of a day now (the city admin's button). */
	@Transactional
	public long generate(LocalDate day, Jurisdiction who) {
		if (!who.isCityAdmin()) {
			throw new NotFound("reports");
		}
		if (day.isAfter(LocalDate.now(clock))) {
			throw InvalidInput.of("day", messages.get("cockpit.report.futureDay"));
		}
		long id = store(day, "MANUAL", who.username()).orElseThrow();
		audit.record("COCKPIT_REPORT_GENERATE", "cockpit-report", String.valueOf(id), day.toString());
		return id;
	}

	/** At the report time, the report of the day before, once (also after a start that missed the time). */
	@Scheduled(cron = "${gridguard.cockpit.report-check:0 * * * * *}", zone = "${gridguard.zone:Asia/Shanghai}")
	@Transactional
	public void scheduled() {
		generateDue(LocalDateTime.now(clock));
	}

	/** The scheduled report due at {@code now} (city time), unless it exists. */
	@Transactional
	public void generateDue(LocalDateTime now) {
		if (now.toLocalTime().isBefore(properties.reportTime())) {
			return;
		}
		LocalDate day = now.toLocalDate().minusDays(1);
		boolean done = jdbc.sql("SELECT count(*) FROM cockpit_report WHERE day = ? AND trigger = 'SCHEDULED'")
			.param(Date.valueOf(day))
			.query(Long.class)
			.single() > 0;
		if (!done) {
			store(day, "SCHEDULED", AuditLog.SYSTEM)
				.ifPresent(id -> LOG.info("Daily report of {} generated (report {})", day, id));
		}
	}

	private Optional<Long> store(LocalDate day, String trigger, String actor) {
		ReportTables.Content content = tables.build(day);
		byte[] xlsx = files.xlsx(content, clock.getZone());
		byte[] pdf = files.pdf(content, clock.getZone());
		// a second instance generating the same scheduled report at the same moment stores nothing
		return jdbc.sql("""
				INSERT INTO cockpit_report (day, trigger, generated_at, generated_by, xlsx, pdf) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (day) WHERE trigger = 'SCHEDULED' DO NOTHING RETURNING id""")
			.params(Date.valueOf(day), trigger, Timestamp.from(clock.instant()), actor, xlsx, pdf)
			.query(Long.class)
			.optional();
	}

	/** The archive, newest day first. */
	@Transactional(readOnly = true)
	public PageResult<Report> archive(Jurisdiction who, Paging paging) {
		if (!who.isCityAdmin()) {
			throw new NotFound("reports");
		}
		return PagedQuery.page(jdbc, COLUMNS, "cockpit_report WHERE true", List.of(), "day DESC, id DESC", REPORT, paging);
	}

	/** One file of a report ({@code xlsx} or {@code pdf}); the download is audited. */
	@Transactional
	public File download(long id, String format, Jurisdiction who) {
		if (!who.isCityAdmin() || !(format.equals("xlsx") || format.equals("pdf"))) {
			throw new NotFound("report " + id);
		}
		LocalDate day = jdbc.sql("SELECT day FROM cockpit_report WHERE id = ?")
			.param(id)
			.query(LocalDate.class)
			.optional()
			.orElseThrow(() -> new NotFound("report " + id));
		byte[] bytes = jdbc.sql("SELECT " + format + " FROM cockpit_report WHERE id = ?").param(id).query(byte[].class).single();
		audit.record("COCKPIT_REPORT_DOWNLOAD", "cockpit-report", String.valueOf(id), day + " " + format);
		String type = format.equals("pdf") ? "application/pdf"
				: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		return new File("daily-report-" + day + "-" + id + "." + format, type, bytes);
	}

}
