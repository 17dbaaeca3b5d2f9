package org.gridguard.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A protocol laid out on the calendar from a start date: the date range of each stage, the test dates, and the day
 * the person may be released. Day 1 is the start date itself; each stage begins the day after the previous ends.
 */
public record ProtocolSchedule(Protocol protocol, LocalDate start, List<StageWindow> stages, List<TestDay> tests) {

	/** A stage on the calendar: {@code from} and {@code to} inclusive. */
	public record StageWindow(int stageNo, MeasureKind kind, LocalDate from, LocalDate to) {

		public boolean contains(LocalDate day) {
			return !day.isBefore(from) && !day.isAfter(to);
		}

	}

	/** A scheduled test: the date, the stage, and the stage day it is. */
	public record TestDay(LocalDate date, int stageNo, int stageDay) {
	}

	public static ProtocolSchedule of(Protocol protocol, LocalDate start) {
		var stages = new ArrayList<StageWindow>();
		var tests = new ArrayList<TestDay>();
		LocalDate from = start;
		for (int i = 0; i < protocol.stages().size(); i++) {
			Protocol.Stage stage = protocol.stages().get(i);
			LocalDate to = from.plusDays(stage.days() - 1L);
			stages.add(new StageWindow(i + 1, stage.kind(), from, to));
			for (int d : stage.natDays()) {
				tests.add(new TestDay(from.plusDays(d - 1L), i + 1, d));
			}
			from = to.plusDays(1);
		}
		return new ProtocolSchedule(protocol, start, List.copyOf(stages), List.copyOf(tests));
	}

	/** The last day under control. */
	public LocalDate lastDay() {
		return stages.get(stages.size() - 1).to();
	}

	/** The first day the person may be released (the day after the last stage), once the tests allow it. */
	public LocalDate releaseDay() {
		return lastDay().plusDays(1);
	}

	/** The stage in force on a day; {@code null} before the start or after the last day. */
	public @Nullable StageWindow stageOn(LocalDate day) {
		for (StageWindow s : stages) {
			if (s.contains(day)) {
				return s;
			}
		}
		return null;
	}

	public List<LocalDate> testDates() {
		return tests.stream().map(TestDay::date).toList();
	}

}
