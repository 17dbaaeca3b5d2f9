package org.gridguard.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridguard.control.UnmanagedFindings;
import org.gridguard.control.Violation;
import org.gridguard.platform.StoredText;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notification;
import org.gridguard.region.RegionManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nobody stays pending past the transfer deadline unnoticed: each pending transfer past its deadline is a finding of
 * the control loop's unmanaged detector ({@link Violation.Kind#TRANSFER_OVERDUE}, escalated grid → village → town →
 * city like every other), and an alert to the command once.
 */
@Component
class TransferOverdue implements UnmanagedFindings {

	private final JdbcClient jdbc;

	private final SiteNotices notices;

	private final RegionManagement regions;

	private final Messages messages;

	private final Clock clock;

	TransferOverdue(JdbcClient jdbc, SiteNotices notices, RegionManagement regions, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<Finding> find(Instant now) {
		return jdbc.sql("""
				SELECT t.id, t.risk_person_id, t.region_code, t.due_at, s.name FROM quarantine_transfer t
				LEFT JOIN quarantine_site s ON s.id = t.site_id WHERE t.state = 'PENDING' AND t.due_at < ?""")
			.param(Timestamp.from(now))
			.query((rs, i) -> new Finding(rs.getLong(2), Violation.Kind.TRANSFER_OVERDUE, String.valueOf(rs.getLong(1)),
					rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	/** Alerts the command once for each transfer that went past its deadline. */
	@Scheduled(fixedDelayString = "${gridguard.quarantine.alert-interval:60s}", initialDelayString = "25s")
	void alert() {
		for (Finding f : find(clock.instant())) {
			notices.toCommand(f.regionCode(), Notification.Severity.ALERT,
					StoredText.of("quarantine.notify.transferOverdue", regions.fullName(f.regionCode())),
					StoredText.of("quarantine.notify.transferOverdue.body"), "/quarantine/transfers?overdue=true",
					"quarantine:transfer-overdue:" + f.ref());
		}
	}

}
