package org.gridguard.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications: alerts, escalations and reminders for the people who must act. A notification is addressed
 * to an audience (a role name such as {@code GRID_WORKER}, or {@code DEPARTMENT:COMMERCE}) at a region code, and
 * reaches every user of that audience whose jurisdiction contains the code; to an audience {@link #EVERYWHERE}, reaching
 * every user of it wherever they are bound (a town officer, a grid worker); or to one user by name. ALERTs are also
 * handed to the {@link MessageGateway} with the mobiles the caller supplies; {@link #sms} sends a text to phones alone.
 * Without a gateway of the deployment's own, texts are only logged, at debug level (logger
 * {@code org.gridguard.platform.Notifications}).
 */
@Service
@Transactional
public class Notifications {

	private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

	/**
	 * The region code of a notification for every user of its audience: a city-wide decision reaches the officers of
	 * each town and village and every grid worker, whose jurisdictions do not contain the city's code.
	 */
	public static final String EVERYWHERE = "*";

	private static final RowMapper<Notification> ROW = (rs, i) -> new Notification(rs.getLong("id"),
			rs.getTimestamp("created_at").toInstant(), rs.getString("region_code"), rs.getString("audience"),
			rs.getString("username"), Notification.Severity.valueOf(rs.getString("severity")), rs.getString("title"),
			rs.getString("body"), rs.getString("link"), rs.getString("source"), rs.getBoolean("read"));

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<MessageGateway> gateway;

	private final AuditLog audit;

	private final Messages messages;

	Notifications(JdbcClient jdbc, Clock clock, ObjectProvider<MessageGateway> gateway, AuditLog audit,
			Messages messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
		this.gateway = gateway;
		this.audit = audit;
	}

	/**
	 * Sends a text message to phones through the message gateway and writes to the audit log what was sent about what,
	 * to how many phones (not the text: it may hold a personal link). A gateway failure is logged, never thrown, so that
	 * it cannot undo the change that caused the message.
	 * @param action the audit action, e.g. {@code SELF_REPORT_LINK_SMS}
	 * @return whether the gateway took the message
	 */
	public boolean sms(String action, String subjectType, String subjectId, List<String> mobiles, String text) {
		if (mobiles.isEmpty()) {
			return false;
		}
		audit.record(action, subjectType, subjectId, mobiles.size() + " phone(s)");
		try {
			gateway.ifAvailable(g -> g.send(mobiles, text));
			return true;
		}
		catch (RuntimeException ex) {
			LOG.warn("Message gateway failed for {} {} {}: {}", action, subjectType, subjectId, ex.getMessage());
			return false;
		}
	}

	/**
	 * What to send: the audience or user, where, how urgent, and what it says. Title and body are best given as
	 * {@link StoredText#of} so that each reader reads them in their language.
	 */
	public record Draft(String regionCode, @Nullable String audience, @Nullable String username,
			Notification.Severity severity, String title, @Nullable String body, @Nullable String link, String source,
			@Nullable String dedupeKey, List<String> mobiles) {

		public static Draft toAudience(String audience, String regionCode, Notification.Severity severity, String title,
				@Nullable String body, @Nullable String link, String source) {
			return new Draft(regionCode, audience, null, severity, title, body, link, source, null, List.of());
		}

		/** To every user of {@code audience}, wherever they are bound ({@link #EVERYWHERE}). */
		public static Draft toEveryone(String audience, Notification.Severity severity, String title,
				@Nullable String body, @Nullable String link, String source) {
			return toAudience(audience, EVERYWHERE, severity, title, body, link, source);
		}

		public Draft withDedupeKey(String key) {
			return new Draft(regionCode, audience, username, severity, title, body, link, source, key, mobiles);
		}

		public Draft withMobiles(List<String> phones) {
			return new Draft(regionCode, audience, username, severity, title, body, link, source, dedupeKey, phones);
		}

	}

	/**
	 * Stores a notification; with a dedupe key, a second one with the same key is ignored. Returns whether it was
	 * new.
	 */
	public boolean send(Draft draft) {
		int inserted = jdbc.sql("""
				INSERT INTO platform_notification (created_at, region_code, audience, username, severity, title, body,
					link, source, dedupe_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING""")
			.params(Timestamp.from(clock.instant()), draft.regionCode(), draft.audience(), draft.username(),
					draft.severity().name(), truncate(draft.title(), 200), draft.body(),
					draft.link() == null ? null : truncate(draft.link(), 300), draft.source(), draft.dedupeKey())
			.update();
		if (inserted > 0 && draft.severity() == Notification.Severity.ALERT && !draft.mobiles().isEmpty()) {
			try {
				gateway.ifAvailable(g -> g.send(draft.mobiles(), StoredText.renderDefault(draft.title(), messages)));
			}
			catch (RuntimeException ex) {
				LOG.warn("Message gateway failed for '{}': {}", draft.title(), ex.getMessage());
			}
		}
		return inserted > 0;
	}

	/** The latest notifications for a user, newest first, in the reader's language. */
	@Transactional(readOnly = true)
	public List<Notification> inbox(SignedInUser user, int limit) {
		return stored(user, limit).stream()
			.map(n -> new Notification(n.id(), n.createdAt(), n.regionCode(), n.audience(), n.username(), n.severity(),
					StoredText.render(n.title(), messages), StoredText.render(n.body(), messages), n.link(), n.source(),
					n.read()))
			.toList();
	}

	private List<Notification> stored(SignedInUser user, int limit) {
		return jdbc.sql("""
				SELECT n.*, (r.notification_id IS NOT NULL) AS read FROM platform_notification n
				LEFT JOIN platform_notification_read r ON r.notification_id = n.id AND r.username = :user
				WHERE n.username = :user OR (n.audience IN (:audiences)
					AND (n.region_code LIKE :region OR n.region_code = '*'))
				ORDER BY n.created_at DESC, n.id DESC LIMIT :limit""")
			.param("user", user.getUsername())
			.param("audiences", user.audiences())
			.param("region", user.regionCode() + "%")
			.param("limit", limit)
			.query(ROW)
			.list();
	}

	@Transactional(readOnly = true)
	public long unread(SignedInUser user) {
		return jdbc.sql("""
				SELECT count(*) FROM platform_notification n
				WHERE (n.username = :user OR (n.audience IN (:audiences)
					AND (n.region_code LIKE :region OR n.region_code = '*')))
				AND n.created_at > now() - interval '30 days'
				AND NOT EXISTS (SELECT 1 FROM platform_notification_read r WHERE r.notification_id = n.id AND r.username = :user)""")
			.param("user", user.getUsername())
			.param("audiences", user.audiences())
			.param("region", user.regionCode() + "%")
			.query(Long.class)
			.single();
	}

	public void markRead(SignedInUser user, long id) {
		jdbc.sql("INSERT INTO platform_notification_read (notification_id, username, read_at) VALUES (?, ?, ?) "
				+ "ON CONFLICT DO NOTHING")
			.params(id, user.getUsername(), Timestamp.from(clock.instant()))
			.update();
	}

	public void markAllRead(SignedInUser user) {
		for (Notification n : stored(user, 500)) {
			if (!n.read()) {
				markRead(user, n.id());
			}
		}
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	/** Used when no gateway is configured: logs what would have been sent, at debug level. */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class DefaultGateway {

		@org.springframework.context.annotation.Bean
		@org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(MessageGateway.class)
		MessageGateway loggingMessageGateway() {
			return (mobiles, text) -> LOG.debug("SMS to {} recipient(s): {}", mobiles.size(), text);
		}

	}

}
