package org.gridguard.quarantine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridguard.control.ControlQueries;
import org.gridguard.control.MeasureKind;

/**
 * When a person may leave a site (rules §1, §5): the central isolation stage is over or ends today, every test of
 * that stage was taken and is negative, and the release sampling of the person, their objects and their room is
 * recorded negative. Pure: it names each unmet condition, with the field it concerns.
 */
final class ReleaseGate {

	private ReleaseGate() {
	}

	/** What is sampled at release. Message keys: {@code quarantine.sample.<NAME>}. */
	enum SampleKind {

		PERSON, OBJECTS, ROOM

	}

	/**
	 * An unmet condition: the field it concerns, the message key and its arguments.
	 */
	record Unmet(String field, String key, Object... args) {
	}

	static List<Unmet> check(LocalDate today, List<ControlQueries.StageView> stages,
			List<ControlQueries.ScheduleItem> schedule, Map<SampleKind, String> samples) {
		var unmet = new ArrayList<Unmet>();
		Set<Integer> central = stages.stream()
			.filter(s -> s.kind() == MeasureKind.CENTRAL_ISOLATION)
			.map(ControlQueries.StageView::stageNo)
			.collect(Collectors.toSet());
		LocalDate end = stages.stream()
			.filter(s -> central.contains(s.stageNo()))
			.map(ControlQueries.StageView::to)
			.max(LocalDate::compareTo)
			.orElse(null);
		if (end == null) {
			unmet.add(new Unmet("days", "quarantine.release.noStage"));
		}
		else if (end.isAfter(today)) {
			unmet.add(new Unmet("days", "quarantine.release.days", end));
		}
		var tests = schedule.stream().filter(i -> "TEST".equals(i.slot()) && central.contains(i.stageNo())).toList();
		String missing = tests.stream()
			.filter(i -> i.doneAt() == null || i.value() == null)
			.map(i -> i.day().toString())
			.collect(Collectors.joining("、"));
		if (!missing.isEmpty()) {
			unmet.add(new Unmet("tests", "quarantine.release.testsMissing", missing));
		}
		String positive = tests.stream()
			.filter(i -> "POSITIVE".equals(i.value()))
			.map(i -> i.day().toString())
			.collect(Collectors.joining("、"));
		if (!positive.isEmpty()) {
			unmet.add(new Unmet("positive", "quarantine.release.testPositive", positive));
		}
		for (SampleKind kind : SampleKind.values()) {
			String result = samples.get(kind);
			if (result == null) {
				unmet.add(new Unmet("sampling." + kind.name(), "quarantine.release.sampleMissing",
						"#quarantine.sample." + kind.name()));
			}
			else if (!"NEGATIVE".equals(result)) {
				unmet.add(new Unmet("sampling." + kind.name(), "quarantine.release.samplePositive",
						"#quarantine.sample." + kind.name()));
			}
		}
		return unmet;
	}

}
