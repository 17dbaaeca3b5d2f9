package org.gridguard.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.PersonInput;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.ControlCharacters;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.Messages;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusColour;
import org.gridguard.status.StatusManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records test results in batches: validates every item (keeping the valid ones), matches or registers the persons,
 * stores each result once, asserts status facts (a single positive is red, a pooled positive yellow until a single
 * negative), and announces new results and positives.
 */
@Service
@Transactional
public class TestingManagement {

	public static final int MAX_BATCH = 10_000;

	private static final RowMapper<TestResult> ROW = (rs, i) -> new TestResult(rs.getLong("id"), rs.getLong("person_id"),
			rs.getTimestamp("sampled_at").toInstant(), TestResult.Kind.valueOf(rs.getString("kind")),
			TestResult.Outcome.valueOf(rs.getString("result")), rs.getBoolean("pooled"), rs.getString("source"),
			rs.getTimestamp("received_at").toInstant());

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final PersonManagement persons;

	private final StatusManagement status;

	private final ApplicationEventPublisher events;

	private final Messages messages;

	private final Clock clock;

	private final Duration positiveRed;

	private final Duration poolYellow;

	private final Duration futureSkew;

	private final Duration maxAge;

	TestingManagement(JdbcClient jdbc, JdbcTemplate template, PersonManagement persons, StatusManagement status,
			ApplicationEventPublisher events, Messages messages, Clock clock,
			@Value("${gridguard.testing.positive-red:14d}") Duration positiveRed,
			@Value("${gridguard.testing.pool-positive-yellow:3d}") Duration poolYellow,
			@Value("${gridguard.testing.future-skew:5m}") Duration futureSkew,
			@Value("${gridguard.testing.max-age:60d}") Duration maxAge) {
		this.jdbc = jdbc;
		this.template = template;
		this.persons = persons;
		this.status = status;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.positiveRed = positiveRed;
		this.poolYellow = poolYellow;
		this.futureSkew = futureSkew;
		this.maxAge = maxAge;
	}

	/** Records a batch (at most {@value #MAX_BATCH} items); invalid items are rejected one by one, never the batch. */
	public BatchOutcome record(List<TestResultInput> inputs, String source) {
		return record(inputs, source, false);
	}

	/**
	 * Records a batch; {@code fromFile}: the items are rows of a lab's file, whose sampling times were read in the
	 * forms of {@link SamplingTimes}, so one that is still not ISO-8601 is refused naming those forms.
	 */
	BatchOutcome record(List<TestResultInput> inputs, String source, boolean fromFile) {
		Instant now = clock.instant();
		var rejected = new ArrayList<BatchOutcome.Rejection>();
		var valid = new ArrayList<Valid>();
		for (TestResultInput in : inputs) {
			Valid v = validate(in, now, fromFile, rejected);
			if (v != null) {
				valid.add(v);
			}
		}
		if (valid.isEmpty()) {
			return new BatchOutcome(0, rejected, List.of());
		}
		long[] personIds = persons.resolveAll(valid.stream()
			.map(v -> new PersonInput(v.document, v.name == null || v.name.isBlank() ? v.document.masked() : v.name, null,
					null))
			.toList(), "testing:" + source);
		List<TestResult> fresh = insert(valid, personIds, source, now);
		var facts = new ArrayList<StatusManagement.FactAssertion>();
		var negatives = new HashSet<Long>();
		for (TestResult r : fresh) {
			if (r.positive() && !r.pooled()) {
				facts.add(new StatusManagement.FactAssertion(r.personId(), FactKind.POSITIVE_TEST, "testing:result:" + r.id(),
						r.kind() + " " + r.sampledAt(), r.sampledAt(), r.sampledAt().plus(positiveRed)));
			}
			else if (r.positive()) {
				facts.add(new StatusManagement.FactAssertion(r.personId(), FactKind.POOL_POSITIVE, "testing:pool",
						r.kind() + " " + r.sampledAt(), r.sampledAt(), r.sampledAt().plus(poolYellow)));
			}
			else if (!r.pooled()) {
				negatives.add(r.personId());
			}
		}
		if (!negatives.isEmpty()) {
			// a single negative clears an earlier pooled positive
			status.retractFacts(FactKind.POOL_POSITIVE, "testing:pool", negatives);
		}
		status.assertFacts(facts);
		if (!fresh.isEmpty()) {
			events.publishEvent(new TestResultsRecorded(fresh));
			for (TestResult r : fresh) {
				if (r.positive() && !r.pooled()) {
					events.publishEvent(new PositiveResultRecorded(r.personId(), r.id(), r.sampledAt(), r.kind()));
				}
			}
		}
		StatusColour[] colours = status.colours(personIds);
		var results = new ArrayList<BatchOutcome.ItemResult>();
		for (int i = 0; i < valid.size(); i++) {
			results.add(new BatchOutcome.ItemResult(valid.get(i).index, colours[i].name(), colours[i].admitted()));
		}
		return new BatchOutcome(valid.size(), rejected, results);
	}

	/** A person's results in a period, oldest first. */
	@Transactional(readOnly = true)
	public List<TestResult> results(long personId, Instant from, Instant to) {
		return jdbc.sql("SELECT * FROM testing_result WHERE person_id = ? AND sampled_at >= ? AND sampled_at < ? "
				+ "ORDER BY sampled_at, id")
			.params(personId, Timestamp.from(from), Timestamp.from(to))
			.query(ROW)
			.list();
	}

	/** A person's latest results, newest first. */
	@Transactional(readOnly = true)
	public List<TestResult> latest(long personId, int limit) {
		return jdbc.sql("SELECT * FROM testing_result WHERE person_id = ? ORDER BY sampled_at DESC, id DESC LIMIT ?")
			.params(personId, limit)
			.query(ROW)
			.list();
	}

	/** Single (not pooled) positive results received since a time, oldest first. */
	@Transactional(readOnly = true)
	public List<TestResult> singlePositivesReceivedSince(Instant since) {
		return jdbc.sql("SELECT * FROM testing_result WHERE result = 'POSITIVE' AND NOT pooled AND received_at >= ? "
				+ "ORDER BY received_at, id")
			.param(Timestamp.from(since))
			.query(ROW)
			.list();
	}

	/** Number of results received since a time, and how many of them positive. */
	@Transactional(readOnly = true)
	public long[] receivedSince(Instant since) {
		return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE result = 'POSITIVE') FROM testing_result WHERE received_at >= ?")
			.param(Timestamp.from(since))
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	private List<TestResult> insert(List<Valid> valid, long[] personIds, String source, Instant now) {
		var result = new ArrayList<TestResult>();
		template.execute((Connection con) -> {
			int n = valid.size();
			Long[] person = new Long[n];
			Timestamp[] sampled = new Timestamp[n];
			String[] kind = new String[n];
			String[] outcome = new String[n];
			Boolean[] pooled = new Boolean[n];
			for (int i = 0; i < n; i++) {
				person[i] = personIds[i];
				sampled[i] = Timestamp.from(valid.get(i).sampledAt);
				kind[i] = valid.get(i).kind.name();
				outcome[i] = valid.get(i).outcome.name();
				pooled[i] = valid.get(i).pooled;
			}
			try (PreparedStatement ps = con.prepareStatement("""
					INSERT INTO testing_result (person_id, sampled_at, kind, result, pooled, source, received_at)
					SELECT p, s, k, r, o, ?, ? FROM unnest(?::bigint[], ?::timestamptz[], ?::varchar[], ?::varchar[], ?::boolean[])
						AS t(p, s, k, r, o)
					ON CONFLICT (person_id, sampled_at, kind) DO NOTHING
					RETURNING *""")) {
				ps.setString(1, source);
				ps.setTimestamp(2, Timestamp.from(now));
				ps.setArray(3, con.createArrayOf("bigint", person));
				ps.setArray(4, con.createArrayOf("timestamptz", sampled));
				ps.setArray(5, con.createArrayOf("varchar", kind));
				ps.setArray(6, con.createArrayOf("varchar", outcome));
				ps.setArray(7, con.createArrayOf("boolean", pooled));
				try (ResultSet rs = ps.executeQuery()) {
					int i = 0;
					while (rs.next()) {
						result.add(ROW.mapRow(rs, i++));
					}
				}
			}
			return null;
		});
		return result;
	}

	private record Valid(int index, IdDocument document, @Nullable String name, Instant sampledAt,
			TestResult.Kind kind, TestResult.Outcome outcome, boolean pooled) {
	}

	private @Nullable Valid validate(TestResultInput in, Instant now, boolean fromFile,
			List<BatchOutcome.Rejection> rejected) {
		var problems = new ArrayList<BatchOutcome.Rejection>();
		// a control character (a NUL) refuses its field, and so this item, never the batch
		var refused = new HashSet<String>();
		Map<String, @Nullable String> texts = new LinkedHashMap<>();
		texts.put("idNumber", in.idNumber());
		texts.put("name", in.name());
		texts.put("sampledAt", in.sampledAt());
		texts.put("kind", in.kind());
		texts.put("result", in.result());
		texts.forEach((field, text) -> {
			FieldProblem problem = ControlCharacters.problem(field, text, messages);
			if (problem != null) {
				problems.add(new BatchOutcome.Rejection(in.index(), field, problem.message()));
				refused.add(field);
			}
		});
		IdDocument.Parsed doc = IdDocument.parse(IdType.RESIDENT_ID, in.idNumber(), LocalDate.now(clock), "idNumber",
				messages);
		if (doc.problem() != null && !refused.contains("idNumber")) {
			problems.add(new BatchOutcome.Rejection(in.index(), "idNumber", doc.problem().message()));
		}
		Instant sampledAt = null;
		if (!refused.contains("sampledAt")) {
			sampledAt = sampledAt(in, now, fromFile, problems);
		}
		TestResult.Kind kind = parseKind(in.kind());
		if (kind == null && !refused.contains("kind")) {
			problems.add(new BatchOutcome.Rejection(in.index(), "kind", messages.get("testing.kind.invalid")));
		}
		TestResult.Outcome outcome = parseOutcome(in.result());
		if (outcome == null && !refused.contains("result")) {
			problems.add(new BatchOutcome.Rejection(in.index(), "result", messages.get("testing.result.invalid")));
		}
		if (!problems.isEmpty()) {
			rejected.addAll(problems);
			return null;
		}
		return new Valid(in.index(), doc.document(), in.name(), sampledAt, kind, outcome,
				in.pooled() != null && in.pooled());
	}

	/** The sampling time of an item, or null with its problem added. */
	private @Nullable Instant sampledAt(TestResultInput in, Instant now, boolean fromFile,
			List<BatchOutcome.Rejection> problems) {
		if (in.sampledAt() == null || in.sampledAt().isBlank()) {
			problems.add(new BatchOutcome.Rejection(in.index(), "sampledAt", messages.get("testing.sampledAt.required")));
			return null;
		}
		try {
			Instant sampledAt = OffsetDateTime.parse(in.sampledAt().strip()).toInstant();
			if (sampledAt.isAfter(now.plus(futureSkew))) {
				problems.add(new BatchOutcome.Rejection(in.index(), "sampledAt", messages.get("testing.sampledAt.future")));
			}
			else if (sampledAt.isBefore(now.minus(maxAge))) {
				problems.add(new BatchOutcome.Rejection(in.index(), "sampledAt",
						messages.get("testing.sampledAt.tooOld", maxAge.toDays())));
			}
			return sampledAt;
		}
		catch (DateTimeParseException ex) {
			problems.add(new BatchOutcome.Rejection(in.index(), "sampledAt", fromFile
					? messages.get("testing.sampledAt.fileFormat", String.join("、", SamplingTimes.EXAMPLES))
					: messages.get("testing.sampledAt.format")));
			return null;
		}
	}

	static TestResult.@Nullable Kind parseKind(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String t = text.strip().toUpperCase(Locale.ROOT);
		if (t.equals("NAT") || t.equals("核酸") || t.equals("PCR")) {
			return TestResult.Kind.NAT;
		}
		if (t.equals("ANTIGEN") || t.equals("抗原")) {
			return TestResult.Kind.ANTIGEN;
		}
		return null;
	}

	static TestResult.@Nullable Outcome parseOutcome(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String t = text.strip().toUpperCase(Locale.ROOT);
		if (t.equals("POSITIVE") || t.equals("阳性") || t.equals("+")) {
			return TestResult.Outcome.POSITIVE;
		}
		if (t.equals("NEGATIVE") || t.equals("阴性") || t.equals("-")) {
			return TestResult.Outcome.NEGATIVE;
		}
		return null;
	}


}
