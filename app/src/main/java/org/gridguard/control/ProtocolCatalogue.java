package org.gridguard.control;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridguard.platform.AuditLog;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.response.ResponseProfile;
import org.gridguard.status.FactKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editable configuration of the control loop: protocols (stages, test days, release rule) and what each
 * category means (default protocol, pending status fact, strictness). Presets come with the first migration; the city
 * admin edits them, and every change is audited. A category's deadlines change with the response level: they are read
 * from the profile in force ({@link CategoryDeadlines}).
 */
@Service
@Transactional
public class ProtocolCatalogue {

	private static final TypeReference<List<StageJson>> STAGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	private final CategoryDeadlines deadlines;

	ProtocolCatalogue(JdbcClient jdbc, JsonMapper json, AuditLog audit, Messages messages, Clock clock,
			CategoryDeadlines deadlines) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.json = json;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** The JSON form of a stage, as stored. */
	record StageJson(String kind, int days, List<Integer> natDays, @Nullable List<String> alternatives) {
	}

	@Transactional(readOnly = true)
	public List<Protocol> protocols() {
		return jdbc.sql("SELECT * FROM control_protocol ORDER BY built_in DESC, id")
			.query((rs, i) -> toProtocol(rs.getString("id"), rs.getString("name"), rs.getString("basis"),
					rs.getString("start_rule"), rs.getString("stages"), rs.getString("release_rule"),
					rs.getString("escalate_to")))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Protocol> protocol(String id) {
		return jdbc.sql("SELECT * FROM control_protocol WHERE id = ?")
			.param(id)
			.query((rs, i) -> toProtocol(rs.getString("id"), rs.getString("name"), rs.getString("basis"),
					rs.getString("start_rule"), rs.getString("stages"), rs.getString("release_rule"),
					rs.getString("escalate_to")))
			.optional();
	}

	public Protocol get(String id) {
		return protocol(id).orElseThrow(() -> new NotFound("protocol " + id));
	}

	@Transactional(readOnly = true)
	public Map<Category, CategoryRule> categories() {
		var rules = new EnumMap<Category, CategoryRule>(Category.class);
		ResponseProfile profile = deadlines.active();
		jdbc.sql("SELECT * FROM control_category").query((rs, i) -> {
			Category category = Category.valueOf(rs.getString("category"));
			return new CategoryRule(category, rs.getString("protocol_id"),
					hours(profile.duration(CategoryDeadlines.ackKey(category))),
					hours(profile.duration(CategoryDeadlines.verifyKey(category))),
					rs.getString("pending_fact") == null ? null : FactKind.valueOf(rs.getString("pending_fact")),
					rs.getInt("strictness"));
		}).list().forEach(r -> rules.put(r.category(), r));
		return rules;
	}

	public CategoryRule category(Category category) {
		CategoryRule rule = categories().get(category);
		if (rule == null) {
			throw new NotFound("category " + category);
		}
		return rule;
	}

	/**
	 * Changes what a category means (its deadlines are settings of the response level's profile); the protocol must
	 * exist and the strictness rank lie in 0..1000.
	 */
	public void changeCategory(Category category, String protocolId, @Nullable FactKind pendingFact, int strictness,
			String by) {
		var problems = new ArrayList<org.gridguard.platform.FieldProblem>();
		if (protocol(protocolId).isEmpty()) {
			problems.add(messages.problem("protocolId", "control.protocol.unknown"));
		}
		if (strictness < 0 || strictness > 1000) {
			problems.add(messages.problem("strictness", "control.strictness.range"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		jdbc.sql("""
				UPDATE control_category SET protocol_id = ?, pending_fact = ?, strictness = ?, updated_at = ?, updated_by = ?
				WHERE category = ?""")
			.params(protocolId, pendingFact == null ? null : pendingFact.name(), strictness,
					Timestamp.from(clock.instant()), by, category.name())
			.update();
		audit.record("CONTROL_CATEGORY_CHANGE", "control_category", category.name(),
				protocolId + " strictness " + strictness);
	}

	/** Creates or replaces a protocol checked by {@link ProtocolEditor}; audited with its stages. */
	void store(Protocol protocol, String by) {
		String stagesJson = json.writeValueAsString(protocol.stages()
			.stream()
			.map(s -> new StageJson(s.kind().name(), s.days(), s.natDays(),
					s.alternatives().isEmpty() ? null : s.alternatives().stream().map(Enum::name).toList()))
			.toList());
		jdbc.sql("""
				INSERT INTO control_protocol (id, name, basis, start_rule, stages, release_rule, escalate_to, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, basis = excluded.basis, start_rule = excluded.start_rule,
					stages = excluded.stages, release_rule = excluded.release_rule, escalate_to = excluded.escalate_to,
					updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(protocol.id(), protocol.name(), protocol.basis(), protocol.start().name(), stagesJson,
					protocol.releaseRule(), protocol.escalateTo(), Timestamp.from(clock.instant()), by)
			.update();
		audit.record("CONTROL_PROTOCOL_SAVE", "control_protocol", protocol.id(), stagesText(protocol));
	}

	/** The text form of a protocol's stages ({@code KIND/ALTERNATIVE:days:testDay,testDay;…}), for the audit log. */
	public static String stagesText(Protocol protocol) {
		return String.join(";", protocol.stages()
			.stream()
			.map(s -> s.kind() + String.join("", s.alternatives().stream().map(a -> "/" + a).toList()) + ":" + s.days() + ":"
					+ String.join(",", s.natDays().stream().map(String::valueOf).toList()))
			.toList());
	}

	static List<Protocol.Stage> parseStages(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("no stage");
		}
		var stages = new ArrayList<Protocol.Stage>();
		for (String part : text.split(";")) {
			String[] fields = part.strip().split(":", -1);
			if (fields.length < 2 || fields.length > 3) {
				throw new IllegalArgumentException("'" + part.strip() + "'");
			}
			var measures = new ArrayList<MeasureKind>();
			for (String name : fields[0].split("/")) {
				try {
					measures.add(MeasureKind.valueOf(name.strip()));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("'" + name.strip() + "'");
				}
			}
			MeasureKind kind = measures.get(0);
			if (measures.size() > 1 && !stages.isEmpty()) {
				throw new IllegalArgumentException("'" + fields[0].strip() + "': only the first stage has alternatives");
			}
			int days;
			try {
				days = Integer.parseInt(fields[1].strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'" + fields[1].strip() + "'");
			}
			var nat = new ArrayList<Integer>();
			if (fields.length == 3 && !fields[2].isBlank()) {
				for (String d : fields[2].split(",")) {
					try {
						nat.add(Integer.parseInt(d.strip()));
					}
					catch (NumberFormatException ex) {
						throw new IllegalArgumentException("'" + d.strip() + "'");
					}
				}
			}
			stages.add(new Protocol.Stage(kind, days, nat, measures.subList(1, measures.size())));
		}
		return stages;
	}

	private static double hours(java.time.Duration duration) {
		return duration.toMinutes() / 60.0;
	}

	private Protocol toProtocol(String id, String name, @Nullable String basis, String start, String stagesJson,
			String releaseRule, @Nullable String escalateTo) {
		List<StageJson> raw;
		try {
			raw = json.readValue(stagesJson, STAGES);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("protocol " + id + " has unreadable stages", ex);
		}
		return new Protocol(id, name, basis, Protocol.StartRule.valueOf(start),
				raw.stream()
					.map(s -> new Protocol.Stage(MeasureKind.valueOf(s.kind()), s.days(), s.natDays(),
							s.alternatives() == null ? List.of()
									: s.alternatives().stream().map(MeasureKind::valueOf).toList()))
					.toList(),
				releaseRule, escalateTo);
	}

}
