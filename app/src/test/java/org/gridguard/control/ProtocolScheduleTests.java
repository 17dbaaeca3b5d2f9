package org.gridguard.control;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Protocol schedules against the tables of the national plans (rules §1.2, §1.3): day 1 is the start date, stages
 * follow each other, test days count from each stage's own day 1.
 */
class ProtocolScheduleTests {

	private static final LocalDate JULY_1 = LocalDate.of(2022, 7, 1);

	private static Protocol protocol(String stages) {
		return new Protocol("p", "p", null, Protocol.StartRule.LAST_EXPOSURE, ProtocolCatalogue.parseStages(stages),
				"ALL_TESTS_NEGATIVE", null);
	}

	@Test
	void ninthEditionCloseContactIsSevenDaysCentralThenThreeDaysHomeWithTestsOnDays1235And3() {
		ProtocolSchedule schedule = ProtocolSchedule.of(
				protocol("CENTRAL_ISOLATION:7:1,2,3,5,7;HOME_HEALTH_MONITORING:3:3"), JULY_1);
		assertThat(schedule.stages()).extracting(ProtocolSchedule.StageWindow::kind)
			.containsExactly(MeasureKind.CENTRAL_ISOLATION, MeasureKind.HOME_HEALTH_MONITORING);
		assertThat(schedule.stages().get(0).from()).isEqualTo(JULY_1);
		assertThat(schedule.stages().get(0).to()).isEqualTo(LocalDate.of(2022, 7, 7));
		assertThat(schedule.stages().get(1).from()).isEqualTo(LocalDate.of(2022, 7, 8));
		assertThat(schedule.stages().get(1).to()).isEqualTo(LocalDate.of(2022, 7, 10));
		assertThat(schedule.testDates()).containsExactly(LocalDate.of(2022, 7, 1), LocalDate.of(2022, 7, 2),
				LocalDate.of(2022, 7, 3), LocalDate.of(2022, 7, 5), LocalDate.of(2022, 7, 7), LocalDate.of(2022, 7, 10));
		assertThat(schedule.releaseDay()).isEqualTo(LocalDate.of(2022, 7, 11));
	}

	@Test
	void eighthEditionCloseContactIsFourteenPlusSevenWithTestsOn14714And27() {
		ProtocolSchedule schedule = ProtocolSchedule.of(
				protocol("CENTRAL_ISOLATION:14:1,4,7,14;HOME_HEALTH_MONITORING:7:2,7"), LocalDate.of(2021, 5, 10));
		assertThat(schedule.lastDay()).isEqualTo(LocalDate.of(2021, 5, 30));
		assertThat(schedule.testDates()).containsExactly(LocalDate.of(2021, 5, 10), LocalDate.of(2021, 5, 13),
				LocalDate.of(2021, 5, 16), LocalDate.of(2021, 5, 23), LocalDate.of(2021, 5, 25), LocalDate.of(2021, 5, 30));
		assertThat(schedule.stageOn(LocalDate.of(2021, 5, 23)).kind()).isEqualTo(MeasureKind.CENTRAL_ISOLATION);
		assertThat(schedule.stageOn(LocalDate.of(2021, 5, 24)).kind()).isEqualTo(MeasureKind.HOME_HEALTH_MONITORING);
		assertThat(schedule.stageOn(LocalDate.of(2021, 5, 31))).isNull();
	}

	@Test
	void ninthEditionSecondaryContactIsSevenDaysAtHomeWithTestsOnDays147() {
		ProtocolSchedule schedule = ProtocolSchedule.of(protocol("HOME_ISOLATION:7:1,4,7"), JULY_1);
		assertThat(schedule.stages()).hasSize(1);
		assertThat(schedule.testDates()).containsExactly(JULY_1, LocalDate.of(2022, 7, 4), LocalDate.of(2022, 7, 7));
		assertThat(schedule.releaseDay()).isEqualTo(LocalDate.of(2022, 7, 8));
	}

	@Test
	void lowRiskAreaIsThreeDaysTwoTests() {
		ProtocolSchedule schedule = ProtocolSchedule.of(protocol("DAILY_HEALTH_MONITORING:3:1,3"), JULY_1);
		assertThat(schedule.testDates()).containsExactly(JULY_1, LocalDate.of(2022, 7, 3));
		assertThat(schedule.lastDay()).isEqualTo(LocalDate.of(2022, 7, 3));
	}

	@Test
	void dayOneCountsFromTheExposureForContactsAndFromVerificationOtherwise() {
		Protocol contact = protocol("CENTRAL_ISOLATION:7:1");
		LocalDate exposure = LocalDate.of(2022, 7, 1);
		LocalDate verified = LocalDate.of(2022, 7, 3);
		assertThat(PlanWriter.startDate(contact, exposure, verified)).isEqualTo(exposure);
		assertThat(PlanWriter.startDate(contact, null, verified)).isEqualTo(verified);
		Protocol onVerification = new Protocol("v", "v", null, Protocol.StartRule.VERIFICATION, contact.stages(),
				"ALL_TESTS_NEGATIVE", null);
		assertThat(PlanWriter.startDate(onVerification, exposure, verified)).isEqualTo(verified);
	}

	@Test
	void stagesAreReadFromTheirTextFormAndBadOnesAreRefused() {
		List<Protocol.Stage> stages = ProtocolCatalogue.parseStages(" CENTRAL_ISOLATION:5:1,2,3,5 ; HOME_ISOLATION:3:1,3");
		assertThat(stages).extracting(Protocol.Stage::days).containsExactly(5, 3);
		assertThat(stages.get(1).natDays()).containsExactly(1, 3);
		assertThatThrownBy(() -> ProtocolCatalogue.parseStages("CENTRAL_ISOLATION:7:8")).hasMessageContaining("test day 8");
		assertThatThrownBy(() -> ProtocolCatalogue.parseStages("QUARANTINE:7:1")).hasMessageContaining("QUARANTINE");
		assertThatThrownBy(() -> ProtocolCatalogue.parseStages("CENTRAL_ISOLATION:0")).hasMessageContaining("at least one day");
		assertThatThrownBy(() -> ProtocolCatalogue.parseStages("")).hasMessageContaining("no stage");
	}

	@Test
	void categoriesAreReadFromCodesAndChineseNames() {
		assertThat(Category.parse("密接")).isEqualTo(Category.CLOSE_CONTACT);
		assertThat(Category.parse("密切接触者")).isEqualTo(Category.CLOSE_CONTACT);
		assertThat(Category.parse("次密接")).isEqualTo(Category.SECONDARY_CONTACT);
		assertThat(Category.parse("secondary_contact")).isEqualTo(Category.SECONDARY_CONTACT);
		assertThat(Category.parse("中风险区")).isEqualTo(Category.MID_RISK_AREA_TRAVELER);
		assertThat(Category.parse("路人")).isNull();
	}

	@Test
	void escalationClimbsFromTheGridToTheCityCommand() {
		String grid = "330784001001001";
		assertThat(UnmanagedDetector.recipient(1, grid)).isEqualTo("GRID_WORKER|" + grid);
		assertThat(UnmanagedDetector.recipient(2, grid)).isEqualTo("VILLAGE_OFFICER|330784001001");
		assertThat(UnmanagedDetector.recipient(3, grid)).isEqualTo("TOWN_OFFICER|330784001");
		assertThat(UnmanagedDetector.recipient(4, grid)).isEqualTo("CITY_ADMIN|330784");
		// a person waiting in a town queue has no grid or village: the first level is the town
		assertThat(UnmanagedDetector.recipient(1, "330784105")).isEqualTo("TOWN_OFFICER|330784105");
	}

	@Test
	void aViolationClimbsOneLevelAtEachConfiguredAgeWithAFixedClock() {
		var after = List.of(java.time.Duration.ZERO, java.time.Duration.ofHours(1), java.time.Duration.ofHours(2),
				java.time.Duration.ofHours(4));
		java.time.Instant since = java.time.Instant.parse("2022-01-05T08:00:00Z");
		assertThat(UnmanagedDetector.levelFor(since, since.minusSeconds(1), after)).isZero();
		assertThat(UnmanagedDetector.levelFor(since, since, after)).isEqualTo(1);
		assertThat(UnmanagedDetector.levelFor(since, since.plusSeconds(3599), after)).isEqualTo(1);
		assertThat(UnmanagedDetector.levelFor(since, since.plusSeconds(3600), after)).isEqualTo(2);
		assertThat(UnmanagedDetector.levelFor(since, since.plusSeconds(2 * 3600), after)).isEqualTo(3);
		assertThat(UnmanagedDetector.levelFor(since, since.plusSeconds(4 * 3600), after)).isEqualTo(4);
		assertThat(UnmanagedDetector.levelFor(since, since.plusSeconds(100 * 3600), after)).isEqualTo(4);
	}

	@Test
	void aVerificationTaskIsOverdueOnlyWhileOpenAndPastItsDeadline() {
		java.time.Instant created = java.time.Instant.parse("2022-01-05T08:00:00Z");
		var task = new VerificationTask(1, 1, VerificationTask.Kind.VERIFY, "330784001001001",
				VerificationTask.State.OPEN, created, created.plusSeconds(3600), created.plusSeconds(7200), null, null, null,
				null, null, 0);
		assertThat(task.ackOverdue(created.plusSeconds(3599))).isFalse();
		assertThat(task.ackOverdue(created.plusSeconds(3601))).isTrue();
		assertThat(task.overdue(created.plusSeconds(7200))).isFalse();
		assertThat(task.overdue(created.plusSeconds(7201))).isTrue();
		var done = new VerificationTask(1, 1, VerificationTask.Kind.VERIFY, "330784001001001", VerificationTask.State.DONE,
				created, created.plusSeconds(3600), created.plusSeconds(7200), null, null, null, null, "CONTROLLED", 0);
		assertThat(done.overdue(created.plusSeconds(100000))).isFalse();
	}

}
