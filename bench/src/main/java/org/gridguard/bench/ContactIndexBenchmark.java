package org.gridguard.bench;

import java.util.concurrent.TimeUnit;

import org.gridguard.trace.ContactIndex;
import org.gridguard.trace.ContactIndexBuilder;
import org.gridguard.trace.ContactQuery;
import org.gridguard.trace.ContactSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH view of the index on the BENCH.md workload: one Q1 (cycling through the 200 timing persons) and one Q2.
 * Run with {@code java -cp bench/target/gridguard-bench.jar org.openjdk.jmh.Main ContactIndexBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = { "-Xmx8g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ContactIndexBenchmark {

	/** "small" (50,000 persons) or "full" (1,000,000 persons, 42 M check-ins). */
	@Param({ "small" })
	String scale;

	@Param({ "0", "1800" })
	int tolerance;

	private ContactIndex index;
	private int[] q1Persons;
	private int[] q2Persons;
	private ContactQuery query;
	private int next;

	@Setup(Level.Trial)
	public void build() {
		boolean full = "full".equals(scale);
		Workload w = Workload.generate(full ? Workload.FULL_PERSONS : 50_000, full ? Workload.FULL_VENUES : 2_000);
		ContactIndexBuilder builder = ContactIndex.builder().publishIntervalMillis(0);
		builder.addAll(w.venue, w.person, w.start, w.end, 0, w.size);
		index = builder.build();
		q1Persons = w.q1Persons;
		q2Persons = w.q2Persons;
		query = ContactQuery.allTime().withTolerance(tolerance);
	}

	@Benchmark
	public int q1(Blackhole blackhole) {
		int person = q1Persons[next++ % q1Persons.length];
		return index.contacts(person, query, sink(blackhole));
	}

	@Benchmark
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public long q2TwoThreads(Blackhole blackhole) {
		return index.contacts(q2Persons, query, 2, sink(blackhole));
	}

	private static ContactSink sink(Blackhole blackhole) {
		return (indexPerson, contactPerson, venue, overlapStart, overlapEnd) -> blackhole.consume(contactPerson ^ overlapStart);
	}
}
