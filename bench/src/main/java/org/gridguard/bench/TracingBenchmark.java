package org.gridguard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.gridguard.trace.ContactIndex;
import org.gridguard.trace.ContactIndexBuilder;

/**
 * The side-by-side tracing benchmark of {@code BENCH.md}: generates the workload, loads it into the trace-core index,
 * PostgreSQL and DuckDB, times Q1, Q2 and ingest, checks that every engine returns the same contacts, and writes the
 * figures to {@code bench-results/}.
 *
 * <p>Options: {@code --small} (50,000 persons, 2,000 venues), {@code --index-only} (skip PostgreSQL and DuckDB),
 * {@code --pg-plain} (also measure PostgreSQL without the covering index), {@code --threads N} (Q2 and ingest
 * threads, default 2), {@code --q1-rounds N} (rounds of the index's Q1 timing, median round reported; default 5),
 * {@code --out DIR} (default {@code bench-results}).
 */
public final class TracingBenchmark {

	static final int[] TOLERANCES = { 0, 1_800 };

	private final boolean small;
	private final boolean indexOnly;
	private final boolean pgPlain;
	private final int threads;
	private final int q1Rounds;
	private final Path out;
	private final List<Result> results = new ArrayList<>();
	private final Map<String, Object> facts = new LinkedHashMap<>();

	private TracingBenchmark(String[] args) {
		boolean s = false;
		boolean i = false;
		boolean p = false;
		int t = 2;
		int q = 5;
		Path o = Path.of("bench-results");
		for (int k = 0; k < args.length; k++) {
			switch (args[k]) {
				case "--small" -> s = true;
				case "--index-only" -> i = true;
				case "--pg-plain" -> p = true;
				case "--threads" -> t = Integer.parseInt(args[++k]);
				case "--q1-rounds" -> q = Math.max(1, Integer.parseInt(args[++k]));
				case "--out" -> o = Path.of(args[++k]);
				default -> throw new IllegalArgumentException("unknown option " + args[k]
						+ "; use --small, --index-only, --pg-plain, --threads N, --q1-rounds N, --out DIR");
			}
		}
		small = s;
		indexOnly = i;
		pgPlain = p;
		threads = t;
		q1Rounds = q;
		out = o;
	}

	public static void main(String[] args) throws Exception {
		new TracingBenchmark(args).run();
	}

	/** The figures of one engine. */
	static final class Result {
		final String engine;
		double loadSeconds = Double.NaN;
		String loadNote = "";
		double bytesPerCheckIn = Double.NaN;
		final double[] q1MedianMs = { Double.NaN, Double.NaN };
		final double[] q1P99Ms = { Double.NaN, Double.NaN };
		double q2Seconds = Double.NaN;
		long q2Rows;
		long[][][] q1Digests;
		ContactRows q2;

		Result(String engine) {
			this.engine = engine;
		}
	}

	private void run() throws Exception {
		int persons = small ? 50_000 : Workload.FULL_PERSONS;
		int venues = small ? 2_000 : Workload.FULL_VENUES;
		log("generating the workload: %,d persons, %,d venues, %d days", persons, venues, Workload.DAYS);
		long t0 = System.nanoTime();
		Workload w = Workload.generate(persons, venues);
		log("generated %,d check-ins in %.1f s", w.size, seconds(t0));
		facts.put("scale", small ? "small" : "full");
		facts.put("q1RoundsIndex", q1Rounds);
		facts.put("checkIns", w.size);
		if (!small) {
			facts.put("checkInsExpected", Workload.FULL_CHECK_INS);
			if (w.size != Workload.FULL_CHECK_INS) {
				throw new IllegalStateException("the generator produced %,d check-ins, BENCH.md says %,d"
						.formatted(w.size, Workload.FULL_CHECK_INS));
			}
			log("check-in count matches BENCH.md: %,d", Workload.FULL_CHECK_INS);
		}

		Result index = new Result("trace-core index");
		results.add(index);
		ContactIndex built = buildIndex(w, index);
		try (Engine engine = new IndexEngine(built, threads)) {
			measure(engine, w, index, 20);
		}
		built = null;
		measureIngest(w);

		if (!indexOnly) {
			Result loadOnly = new Result("PostgreSQL load");
			try (PostgresEngine pg = PostgresEngine.start(w, loadOnly)) {
				if (pgPlain) {
					Result plain = new Result("PostgreSQL 15, btree (venue, t_in) + (person)");
					results.add(plain);
					pg.useVenueIndex(false, plain);
					copyLoad(loadOnly, plain, pg);
					measure(pg, w, plain, 1);
				}
				Result covering = new Result("PostgreSQL 15 + covering (venue, t_in) INCLUDE (t_out, person)");
				results.add(covering);
				pg.useVenueIndex(true, covering);
				copyLoad(loadOnly, covering, pg);
				measure(pg, w, covering, 1);
			}
			Result duck = new Result("DuckDB 1.5.6 sorted (venue, t_in) + ART (person)");
			results.add(duck);
			try (DuckDbEngine engine = DuckDbEngine.start(w, duck)) {
				measure(engine, w, duck, 1);
			}
		}
		boolean agree = checkAgreement();
		if (!small) {
			facts.put("q2PairsExpected", Workload.FULL_Q2_PAIRS);
			if (index.q2Rows != Workload.FULL_Q2_PAIRS) {
				log("MISMATCH: Q2 returned %,d pairs, BENCH.md says %,d", index.q2Rows, Workload.FULL_Q2_PAIRS);
				agree = false;
			}
		}
		report();
		if (!agree) {
			throw new IllegalStateException("ENGINES DISAGREE on the contact sets: see above");
		}
	}

	private static void copyLoad(Result from, Result to, PostgresEngine pg) throws Exception {
		to.loadSeconds = from.loadSeconds;
		to.loadNote = from.loadNote;
		to.bytesPerCheckIn = pg.bytesPerCheckIn();
	}

	private ContactIndex buildIndex(Workload w, Result r) {
		log("building the index");
		long t0 = System.nanoTime();
		ContactIndexBuilder builder = ContactIndex.builder().publishIntervalMillis(0);
		builder.addAll(w.venue, w.person, w.start, w.end, 0, w.size);
		ContactIndex index = builder.build();
		r.loadSeconds = seconds(t0);
		r.loadNote = "%.1f M rows/s build from arrays".formatted(w.size / r.loadSeconds / 1e6);
		r.bytesPerCheckIn = index.bytesPerCheckIn();
		log("built %,d check-ins of %,d persons in %.2f s (%.1f M rows/s), %.2f bytes per check-in (%,d MB)", index.checkIns(),
				index.persons(), r.loadSeconds, w.size / r.loadSeconds / 1e6, r.bytesPerCheckIn, index.memoryBytes() >> 20);
		facts.put("indexBuildSeconds", r.loadSeconds);
		facts.put("indexBuildRowsPerSecond", w.size / r.loadSeconds);
		return index;
	}

	/** Q1 at both tolerances (after warm-up), then Q2; keeps digests and Q2 rows for the agreement check. */
	private void measure(Engine engine, Workload w, Result r, int warmUpRounds) throws Exception {
		ContactRows rows = new ContactRows();
		log("%s: warm-up (%d x %d index persons, both tolerances)", engine.name(), warmUpRounds, w.warmUpPersons.length);
		for (int round = 0; round < warmUpRounds; round++) {
			for (int tolerance : TOLERANCES) {
				for (int person : w.warmUpPersons) {
					rows.clear();
					engine.q1(person, tolerance, rows);
				}
			}
		}
		r.q1Digests = new long[TOLERANCES.length][w.q1Persons.length][];
		// the index answers in well under a millisecond, so a burst of other load on this shared machine can spoil one
		// round: it repeats the round and reports the median round (each round's figures are logged)
		int rounds = engine instanceof IndexEngine ? q1Rounds : 1;
		for (int t = 0; t < TOLERANCES.length; t++) {
			double[] medians = new double[rounds];
			double[] p99s = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
				long contacts = 0;
				for (int k = 0; k < w.q1Persons.length; k++) {
					rows.clear();
					long start = System.nanoTime();
					engine.q1(w.q1Persons[k], TOLERANCES[t], rows);
					histogram.recordValue(System.nanoTime() - start);
					long[] digest = rows.digest();
					if (round == 0) {
						r.q1Digests[t][k] = digest;
					}
					else if (!java.util.Arrays.equals(digest, r.q1Digests[t][k])) {
						throw new IllegalStateException("%s returned other rows for Q1 person #%d on round %d".formatted(engine.name(),
								k, round + 1));
					}
					contacts += rows.size;
				}
				medians[round] = histogram.getValueAtPercentile(50) / 1e6;
				p99s[round] = histogram.getValueAtPercentile(99) / 1e6;
				log("%s: Q1 tolerance %d s%s: median %.3f ms, p99 %.3f ms, max %.3f ms (%d persons, %,d contacts)", engine.name(),
						TOLERANCES[t], rounds > 1 ? " round %d".formatted(round + 1) : "", medians[round], p99s[round],
						histogram.getMaxValue() / 1e6, w.q1Persons.length, contacts);
			}
			r.q1MedianMs[t] = medianOf(medians);
			r.q1P99Ms[t] = medianOf(p99s);
			if (rounds > 1) {
				log("%s: Q1 tolerance %d s: median %.3f ms, p99 %.3f ms (median of %d rounds; rounds' medians %.3f..%.3f ms)",
						engine.name(), TOLERANCES[t], r.q1MedianMs[t], r.q1P99Ms[t], rounds, min(medians), max(medians));
			}
		}
		int q2Runs = engine instanceof IndexEngine ? 5 : 2;
		double[] q2Times = new double[q2Runs];
		for (int run = 0; run < q2Runs; run++) {
			ContactRows q2 = new ContactRows(small ? 1 << 20 : 9_000_000);
			long start = System.nanoTime();
			engine.q2(w.q2Persons, q2);
			q2Times[run] = seconds(start);
			r.q2 = null;
			r.q2 = q2;
			r.q2Rows = q2.size;
			log("%s: Q2 run %d: %.3f s, %,d pairs", engine.name(), run + 1, q2Times[run], q2.size);
		}
		java.util.Arrays.sort(q2Times);
		// index: median of five runs; SQL engines: the warm (second) run, i.e. the faster of two
		r.q2Seconds = engine instanceof IndexEngine ? q2Times[q2Runs / 2] : q2Times[0];
		if (Double.isNaN(r.bytesPerCheckIn)) {
			r.bytesPerCheckIn = engine.bytesPerCheckIn();
		}
	}

	/**
	 * Live ingest as it happens in production: an index rebuilt with the first 13 days, then the last day's check-ins
	 * appended in time order from {@code threads} threads while the background publisher runs (every 500 ms). Measures
	 * the append rate, how long after the last append every row is visible without any explicit flush, and the
	 * compaction of that day into the day segments.
	 */
	private void measureIngest(Workload w) throws Exception {
		int lastDay = Workload.DAYS - 1;
		int liveCount = 0;
		for (int i = 0; i < w.size; i++) {
			if (w.start[i] / ContactIndex.SECONDS_PER_DAY == lastDay) {
				liveCount++;
			}
		}
		long[] order = new long[liveCount];
		ContactIndexBuilder builder = ContactIndex.builder();
		int k = 0;
		for (int i = 0; i < w.size; i++) {
			if (w.start[i] / ContactIndex.SECONDS_PER_DAY == lastDay) {
				order[k++] = (long) w.start[i] << 32 | i;
			}
			else {
				builder.add(w.venue[i], w.person[i], w.start[i], w.end[i]);
			}
		}
		java.util.Arrays.sort(order);
		int[] live = new int[liveCount];
		for (int j = 0; j < liveCount; j++) {
			live[j] = (int) order[j];
		}
		order = null;
		log("ingest: index of the first %d days rebuilt; appending the last day's %,d check-ins in time order from %d threads",
				lastDay, liveCount, threads);
		try (ContactIndex index = builder.build()) {
			long base = index.checkIns();
			Thread[] workers = new Thread[threads];
			long t0 = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				int first = t;
				workers[t] = new Thread(() -> {
					int chunk = 1_024;
					for (int from = first * chunk; from < live.length; from += threads * chunk) {
						int to = Math.min(live.length, from + chunk);
						for (int j = from; j < to; j++) {
							int i = live[j];
							index.append(w.venue[i], w.person[i], w.start[i], w.end[i]);
						}
					}
				});
				workers[t].start();
			}
			for (Thread worker : workers) {
				worker.join();
			}
			double appended = seconds(t0);
			long t1 = System.nanoTime();
			while (index.checkIns() < base + liveCount && seconds(t1) < 120) {
				Thread.sleep(5);
			}
			double lag = seconds(t1);
			if (index.checkIns() != base + liveCount) {
				throw new IllegalStateException("ingest lost check-ins: %,d of %,d visible".formatted(index.checkIns(), base + liveCount));
			}
			long t2 = System.nanoTime();
			index.compact();
			double compaction = seconds(t2);
			facts.put("ingestThreads", threads);
			facts.put("ingestCheckIns", liveCount);
			facts.put("ingestAppendRowsPerSecond", liveCount / appended);
			facts.put("ingestVisibleSecondsAfterLastAppend", lag);
			facts.put("ingestCompactionSeconds", compaction);
			facts.put("bytesPerCheckInAfterIngest", index.bytesPerCheckIn());
			log("ingest: %,d appends in %.2f s = %.2f M appends/s; all visible %.2f s after the last append (background publish); "
					+ "compacting the day into %,d check-ins took %.2f s; %.2f bytes per check-in after", liveCount, appended,
					liveCount / appended / 1e6, lag, index.checkIns(), compaction, index.bytesPerCheckIn());
		}
	}

	private boolean checkAgreement() {
		Result reference = results.get(0);
		boolean agree = true;
		for (Result other : results.subList(1, results.size())) {
			for (int t = 0; t < TOLERANCES.length; t++) {
				for (int k = 0; k < reference.q1Digests[t].length; k++) {
					if (!java.util.Arrays.equals(reference.q1Digests[t][k], other.q1Digests[t][k])) {
						log("MISMATCH: Q1 tolerance %d, index person #%d: %s returned %d rows, %s returned %d rows", TOLERANCES[t], k,
								reference.engine, reference.q1Digests[t][k][0], other.engine, other.q1Digests[t][k][0]);
						agree = false;
					}
				}
			}
			if (!reference.q2.sameAs(other.q2)) {
				log("MISMATCH: Q2 contact sets differ%n%s", reference.q2.differences(other.q2, "index", other.engine, 20));
				agree = false;
			}
			else {
				log("agreement: %s returned exactly the index's Q1 rows (200 persons, both tolerances) and Q2 rows (%,d)",
						other.engine, other.q2Rows);
			}
		}
		facts.put("enginesAgree", agree);
		return agree;
	}

	private void report() throws IOException {
		Result ours = results.get(0);
		StringBuilder md = new StringBuilder();
		md.append("# Tracing benchmark, %s scale, %s%n%n".formatted(small ? "small" : "full", Instant.now()));
		md.append("%,d check-ins; Q1 over %d index persons after warm-up; Q2 %d index persons on %d threads (index).%n%n"
				.formatted((int) facts.get("checkIns"), 200, 1_000, threads));
		md.append("| engine | load | bytes/check-in | Q1 tol 0 median / p99 | Q1 tol 1800 median / p99 | Q2 | Q2 pairs |\n");
		md.append("|---|---|---|---|---|---|---|\n");
		for (Result r : results) {
			md.append("| %s | %s | %.1f | %.3f / %.3f ms | %.3f / %.3f ms | %.3f s | %,d |%n".formatted(r.engine, r.loadNote,
					r.bytesPerCheckIn, r.q1MedianMs[0], r.q1P99Ms[0], r.q1MedianMs[1], r.q1P99Ms[1], r.q2Seconds, r.q2Rows));
		}
		if (results.size() > 1) {
			md.append("\nRatios (other engine's time / index's time):\n\n");
			md.append("| vs | Q1 tol 0 median | Q1 tol 0 p99 | Q1 tol 1800 median | Q1 tol 1800 p99 | Q2 |\n|---|---|---|---|---|---|\n");
			for (Result r : results.subList(1, results.size())) {
				md.append("| %s | %.0fx | %.0fx | %.0fx | %.0fx | %.0fx |%n".formatted(r.engine, r.q1MedianMs[0] / ours.q1MedianMs[0],
						r.q1P99Ms[0] / ours.q1P99Ms[0], r.q1MedianMs[1] / ours.q1MedianMs[1], r.q1P99Ms[1] / ours.q1P99Ms[1],
						r.q2Seconds / ours.q2Seconds));
			}
		}
		md.append("\n");
		for (Map.Entry<String, Object> fact : facts.entrySet()) {
			md.append("- %s: %s%n".formatted(fact.getKey(), format(fact.getValue())));
		}
		System.out.println();
		System.out.println(md);

		StringBuilder json = new StringBuilder("{\n");
		for (Map.Entry<String, Object> fact : facts.entrySet()) {
			json.append("  \"%s\": %s,%n".formatted(fact.getKey(), jsonValue(fact.getValue())));
		}
		json.append("  \"engines\": [\n");
		for (int i = 0; i < results.size(); i++) {
			Result r = results.get(i);
			json.append(("    {\"engine\": %s, \"load\": %s, \"loadSeconds\": %s, \"bytesPerCheckIn\": %s, \"q1Tol0MedianMs\": %s, "
					+ "\"q1Tol0P99Ms\": %s, \"q1Tol1800MedianMs\": %s, \"q1Tol1800P99Ms\": %s, \"q2Seconds\": %s, \"q2Pairs\": %d}%s%n")
					.formatted(jsonValue(r.engine), jsonValue(r.loadNote), jsonValue(r.loadSeconds), jsonValue(r.bytesPerCheckIn),
							jsonValue(r.q1MedianMs[0]), jsonValue(r.q1P99Ms[0]), jsonValue(r.q1MedianMs[1]), jsonValue(r.q1P99Ms[1]),
							jsonValue(r.q2Seconds), r.q2Rows, i + 1 < results.size() ? "," : ""));
		}
		json.append("  ]\n}\n");
		Files.createDirectories(out);
		String stem = "tracing-" + (small ? "small" : "full") + (indexOnly ? "-index-only" : "");
		Files.writeString(out.resolve(stem + ".md"), md, StandardCharsets.UTF_8);
		Files.writeString(out.resolve(stem + ".json"), json, StandardCharsets.UTF_8);
		log("wrote %s and %s", out.resolve(stem + ".md"), out.resolve(stem + ".json"));
	}

	private static String format(Object value) {
		if (value instanceof Double) {
			return String.format(Locale.ROOT, "%,.2f", (Double) value);
		}
		if (value instanceof Integer || value instanceof Long) {
			return String.format(Locale.ROOT, "%,d", value);
		}
		return String.valueOf(value);
	}

	private static String jsonValue(Object value) {
		if (value instanceof Double) {
			double d = (Double) value;
			return Double.isNaN(d) ? "null" : String.format(Locale.ROOT, "%.6f", d);
		}
		if (value instanceof Number || value instanceof Boolean) {
			return String.valueOf(value);
		}
		return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static double medianOf(double[] values) {
		double[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double min(double[] values) {
		double m = Double.POSITIVE_INFINITY;
		for (double v : values) {
			m = Math.min(m, v);
		}
		return m;
	}

	private static double max(double[] values) {
		double m = Double.NEGATIVE_INFINITY;
		for (double v : values) {
			m = Math.max(m, v);
		}
		return m;
	}

	static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
	}
}
