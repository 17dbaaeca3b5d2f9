package org.gridguard.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.ListQuery;
import org.gridguard.region.GridWorker;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.gridguard.region.Role;
import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and administers accounts and API tokens, and lifts sign-in pauses. Who may create what: the city
 * admin any account; a town officer village-officer and grid-worker accounts inside the town; a village officer
 * grid-worker accounts inside the village.
 */
@Service
@Transactional
public class AccountManagement {

	static final RowMapper<Account> ACCOUNT = (rs, i) -> new Account(rs.getLong("id"), rs.getString("username"),
			rs.getString("display_name"), rs.getString("phone"), Role.valueOf(rs.getString("role")),
			rs.getString("region_code"), rs.getString("sector"), (Long) rs.getObject("venue_id", Long.class),
			(Long) rs.getObject("site_id", Long.class), rs.getBoolean("enabled"), rs.getBoolean("demo"),
			rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_login_at")),
			(Long) rs.getObject("organizer_id", Long.class));

	private static final RowMapper<ApiToken> TOKEN = (rs, i) -> new ApiToken(rs.getLong("id"), rs.getLong("user_id"),
			rs.getString("name"), rs.getString("token_prefix"), rs.getTimestamp("created_at").toInstant(),
			rs.getString("created_by"), instant(rs.getTimestamp("expires_at")),
			instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final RegionManagement regions;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	private final TokenCache tokenCache;

	private final SignInThrottle signIns;

	private final PasswordRules passwordRules;

	/** The demo accounts' password while demo mode is on, else {@code null}. */
	private final @Nullable String demoPassword;

	private final SecureRandom random = new SecureRandom();

	/** Looked up when used: the module keeping the units itself creates accounts through this class. */
	private final ObjectProvider<OrganizerUnits> organizerUnits;

	AccountManagement(JdbcClient jdbc, PasswordEncoder passwords, RegionManagement regions, AuditLog audit,
			Messages messages, Clock clock, TokenCache tokenCache, SignInThrottle signIns, PasswordRules passwordRules,
			@Value("${gridguard.demo.enabled:false}") boolean demo, @Value("${gridguard.demo.password:}") String demoPassword,
			ObjectProvider<OrganizerUnits> organizerUnits) {
		this.organizerUnits = organizerUnits;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.regions = regions;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.tokenCache = tokenCache;
		this.signIns = signIns;
		this.passwordRules = passwordRules;
		this.demoPassword = demo && !demoPassword.isEmpty() ? demoPassword : null;
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(String username) {
		return jdbc.sql("SELECT * FROM account_user WHERE username = ?").param(username).query(ACCOUNT).optional();
	}

	/** The usernames of the enabled accounts managing a venue (场所负责人), for their alerts. */
	@Transactional(readOnly = true)
	public List<String> venueManagers(long venueId) {
		return jdbc.sql("SELECT username FROM account_user WHERE role = 'VENUE_MANAGER' AND venue_id = ? AND enabled "
				+ "ORDER BY username")
			.param(venueId)
			.query(String.class)
			.list();
	}

	/** An account the caller may administer, or 404. */
	@Transactional(readOnly = true)
	public Account get(long id, Jurisdiction who) {
		Account account = jdbc.sql("SELECT * FROM account_user WHERE id = ?")
			.param(id)
			.query(ACCOUNT)
			.optional()
			.orElseThrow(() -> new NotFound("account " + id));
		if (!mayAdminister(who, account.role(), account.regionCode())) {
			throw new NotFound("account " + id);
		}
		return account;
	}

	/** The organizer units an administrator may bind an organizer account to. */
	@Transactional(readOnly = true)
	public List<OrganizerUnits.Unit> organizerUnits(Jurisdiction who) {
		return organizerUnits.orderedStream().flatMap(u -> u.choosable(who).stream()).toList();
	}

	/** Accounts the caller may administer, filtered by name/username text and role. */
	@Transactional(readOnly = true)
	public PageResult<Account> search(Jurisdiction who, @Nullable String text, @Nullable Role role, Paging paging) {
		return searchList(who, text, role).page(jdbc, paging);
	}

	/** Every account of {@link #search} with these filters, by username (for the export). */
	@Transactional(readOnly = true)
	public ListQuery<Account> searchList(Jurisdiction who, @Nullable String text, @Nullable Role role) {
		var where = new StringBuilder(" WHERE region_code LIKE ?");
		var params = new ArrayList<Object>();
		params.add(who.isCityAdmin() ? "%" : who.regionCode() + "%");
		if (!who.isCityAdmin()) {
			where.append(" AND role IN ('VILLAGE_OFFICER', 'GRID_WORKER')");
		}
		if (text != null && !text.isBlank()) {
			where.append(" AND (username ILIKE ? OR display_name ILIKE ?)");
			String like = "%" + text.strip().replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
		}
		if (role != null) {
			where.append(" AND role = ?");
			params.add(role.name());
		}
		return new ListQuery<>("*", "account_user" + where, params, "username", ACCOUNT);
	}

	/** Creates an account; every problem with the input is reported at once, per field. */
	public Account create(NewAccount input, Jurisdiction who) {
		var problems = new ArrayList<FieldProblem>();
		String username = input.username() == null ? "" : input.username().strip().toLowerCase();
		if (!USERNAME.matcher(username).matches()) {
			problems.add(messages.problem("username", "account.username.format"));
		}
		else if (find(username).isPresent()) {
			problems.add(messages.problem("username", "account.username.taken"));
		}
		String displayName = input.displayName() == null ? "" : input.displayName().strip();
		if (displayName.isEmpty() || displayName.length() > 60) {
			problems.add(messages.problem("displayName", "account.displayName.invalid"));
		}
		String phone = null;
		if (input.phone() != null && !input.phone().isBlank()) {
			PhoneNumber.Parsed parsed = PhoneNumber.parse(input.phone());
			if (parsed.phone() == null) {
				problems.add(messages.problem("phone", "validation.phone.format"));
			}
			else {
				phone = parsed.phone().value();
			}
		}
		Role role = input.role();
		String regionCode = input.regionCode() == null ? "" : input.regionCode().strip();
		Optional<Region> region = regionCode.isEmpty() ? Optional.empty() : regions.find(regionCode);
		if (role == null) {
			problems.add(messages.problem("role", "account.role.required"));
		}
		if (region.isEmpty() || !region.get().active()) {
			problems.add(messages.problem("regionCode", "account.region.unknown"));
		}
		else if (role != null) {
			RegionLevel expected = expectedLevel(role);
			if (expected != null && region.get().level() != expected) {
				problems.add(messages.problem("regionCode", "account.region.level",
						messages.get("region.level." + expected.name())));
			}
			if (!mayAdminister(who, role, regionCode)) {
				problems.add(messages.problem("role", "account.role.notAllowed"));
			}
		}
		if (role == Role.DEPARTMENT && (input.sector() == null || input.sector().isBlank())) {
			problems.add(messages.problem("sector", "account.sector.required"));
		}
		Long organizerId = null;
		if (role == Role.ORGANIZER) {
			var unit = input.organizerId() == null ? Optional.<OrganizerUnits.Unit>empty()
					: organizerUnits.orderedStream().flatMap(u -> u.find(input.organizerId()).stream()).findFirst();
			if (unit.isEmpty()) {
				problems.add(messages.problem("organizerId", "account.organizer.required"));
			}
			else if (!unit.get().townCode().equals(regionCode)) {
				problems.add(messages.problem("organizerId", "account.organizer.town"));
			}
			else {
				organizerId = unit.get().id();
			}
		}
		String password = input.password() == null ? "" : input.password();
		problems.addAll(newAccountPasswordProblems(password, username));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO account_user (username, password_hash, display_name, phone, role, region_code, sector,
					venue_id, site_id, created_at, created_by, password_changed_at, organizer_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(username, passwords.encode(password), displayName, phone, role.name(), regionCode,
					role == Role.DEPARTMENT ? input.sector().strip() : null, input.venueId(), input.siteId(),
					Timestamp.from(now), who.username(), Timestamp.from(now), organizerId)
			.update();
		audit.record("ACCOUNT_CREATE", "account", username, role + "@" + regionCode);
		if (role == Role.GRID_WORKER && input.addAsGridWorker()) {
			regions.assignWorker(regionCode, displayName, phone, GridWorker.Duty.FULL_TIME, username, who);
		}
		return find(username).orElseThrow();
	}

	public void setEnabled(long id, boolean enabled, Jurisdiction who) {
		Account account = get(id, who);
		if (account.username().equals(who.username()) && !enabled) {
			throw InvalidInput.of("enabled", messages.get("account.disable.self"));
		}
		jdbc.sql("UPDATE account_user SET enabled = ? WHERE id = ?").params(enabled, id).update();
		tokenCache.clear();
		audit.record(enabled ? "ACCOUNT_ENABLE" : "ACCOUNT_DISABLE", "account", account.username(), null);
	}

	/** Lifts every pause of sign-in to an account (from every source). */
	public void unlock(long id, Jurisdiction who) {
		Account account = get(id, who);
		int sources = signIns.unlock(account.username());
		audit.record("ACCOUNT_UNLOCK", "account", account.username(), sources + " sources");
	}

	/** The sources from which sign-in to an account is paused now. */
	@Transactional(readOnly = true)
	public List<SignInLock> signInLocks(long id, Jurisdiction who) {
		return signIns.locks(get(id, who).username());
	}

	public void resetPassword(long id, String password, Jurisdiction who) {
		Account account = get(id, who);
		var problems = passwordProblems(password, account.username());
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		storePassword(account.username(), password);
		audit.record("ACCOUNT_PASSWORD_RESET", "account", account.username(), null);
	}

	/** The signed-in user changes their own password, proving the current one. */
	public void changeOwnPassword(String username, String current, String next) {
		String hash = jdbc.sql("SELECT password_hash FROM account_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();
		var problems = new ArrayList<FieldProblem>();
		if (!passwords.matches(current, hash)) {
			problems.add(messages.problem("current", "account.password.currentWrong"));
		}
		problems.addAll(passwordProblems(next, username));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		storePassword(username, next);
		audit.record("ACCOUNT_PASSWORD_CHANGE", "account", username, null);
	}

	void storePassword(String username, String password) {
		jdbc.sql("UPDATE account_user SET password_hash = ?, password_changed_at = ? WHERE username = ?")
			.params(passwords.encode(password), Timestamp.from(clock.instant()), username)
			.update();
		signIns.unlock(username);
	}

	List<FieldProblem> passwordProblems(String password, String username) {
		return passwordRules.weakness(password, username)
			.map(weakness -> List.of(messages.problem("password", weakness.messageKey, PasswordRules.MIN_LENGTH,
					PasswordRules.MAX_LENGTH)))
			.orElse(List.of());
	}

	/**
	 * As {@link #passwordProblems}, except that in demo mode the demo password passes the list and the trivial-password
	 * rules: it is configuration, given to the demo accounts.
	 */
	private List<FieldProblem> newAccountPasswordProblems(String password, String username) {
		if (demoPassword != null && password.equals(demoPassword) && password.length() >= PasswordRules.MIN_LENGTH
				&& password.length() <= PasswordRules.MAX_LENGTH) {
			return List.of();
		}
		return passwordProblems(password, username);
	}

	// ---- API tokens

	@Transactional(readOnly = true)
	public List<ApiToken> tokens(long userId, Jurisdiction who) {
		get(userId, who);
		return jdbc.sql("SELECT * FROM account_api_token WHERE user_id = ? ORDER BY created_at DESC")
			.param(userId)
			.query(TOKEN)
			.list();
	}

	/** Issues a token for an account; the secret is returned once and only its hash is kept. */
	public ApiToken.Issued issueToken(long userId, String name, @Nullable Integer validDays, Jurisdiction who) {
		Account account = get(userId, who);
		if (!who.isCityAdmin()) {
			throw new NotFound("account " + userId);
		}
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 100) {
			throw InvalidInput.of("name", messages.get("account.token.name"));
		}
		if (validDays != null && (validDays < 1 || validDays > 3650)) {
			throw InvalidInput.of("validDays", messages.get("account.token.validDays.invalid"));
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = "gg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expires = validDays == null ? null : now.plus(Duration.ofDays(validDays));
		long id = jdbc.sql("""
				INSERT INTO account_api_token (user_id, name, token_hash, token_prefix, created_at, created_by, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(userId, cleanName, sha256(secret), secret.substring(0, 10), Timestamp.from(now), who.username(),
					expires == null ? null : Timestamp.from(expires))
			.query(Long.class)
			.single();
		audit.record("TOKEN_ISSUE", "account", account.username(), cleanName);
		ApiToken token = jdbc.sql("SELECT * FROM account_api_token WHERE id = ?").param(id).query(TOKEN).single();
		return new ApiToken.Issued(token, secret);
	}

	public void revokeToken(long tokenId, Jurisdiction who) {
		ApiToken token = jdbc.sql("SELECT * FROM account_api_token WHERE id = ?")
			.param(tokenId)
			.query(TOKEN)
			.optional()
			.orElseThrow(() -> new NotFound("token " + tokenId));
		Account account = get(token.userId(), who);
		jdbc.sql("UPDATE account_api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), tokenId)
			.update();
		tokenCache.clear();
		audit.record("TOKEN_REVOKE", "account", account.username(), token.name());
	}

	/**
	 * The username a presented token stands for, if it is active and its account enabled. Failed password sign-ins
	 * do not affect tokens.
	 */
	@Transactional
	public Optional<String> usernameForToken(String secret) {
		byte[] hash = sha256(secret);
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT t.id, u.username, t.last_used_at FROM account_api_token t JOIN account_user u ON u.id = t.user_id
				WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
				AND u.enabled""")
			.params(hash, Timestamp.from(now))
			.query((rs, i) -> {
				Timestamp lastUsed = rs.getTimestamp(3);
				if (lastUsed == null || lastUsed.toInstant().isBefore(now.minusSeconds(60))) {
					jdbc.sql("UPDATE account_api_token SET last_used_at = ? WHERE id = ?")
						.params(Timestamp.from(now), rs.getLong(1))
						.update();
				}
				return rs.getString(2);
			})
			.optional();
	}

	// ---- sign-in bookkeeping

	/** A completed sign-in through the form: remembered on the account and audited. */
	void recordSignIn(String username) {
		jdbc.sql("UPDATE account_user SET last_login_at = ? WHERE username = ?")
			.params(Timestamp.from(clock.instant()), username)
			.update();
		audit.recordAs(username, "LOGIN", "account", username, null);
	}

	/** Which level of the tree a role is bound to; {@code null} when any level will do. */
	static @Nullable RegionLevel expectedLevel(Role role) {
		return switch (role) {
			case CITY_ADMIN, EPIDEMIOLOGIST -> RegionLevel.CITY;
			case TOWN_OFFICER, ORGANIZER -> RegionLevel.TOWN;
			case VILLAGE_OFFICER -> RegionLevel.VILLAGE;
			case GRID_WORKER -> RegionLevel.GRID;
			default -> null;
		};
	}

	static boolean mayAdminister(Jurisdiction who, Role role, String regionCode) {
		return who.administersAccount(role, regionCode);
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	private static @Nullable Instant instant(@Nullable Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
