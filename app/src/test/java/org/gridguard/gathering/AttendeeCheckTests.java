package org.gridguard.gathering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.control.Category;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusColour;
import org.gridguard.venue.RiskArea;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each exclusion criterion of rules §6 on its own, with the reason an organizer or approver reads. */
class AttendeeCheckTests {

	private static final List<RiskArea> LISTED = List.of(
			new RiskArea(1, "上海市浦东新区", "HIGH", LocalDate.of(2022, 3, 1), null),
			new RiskArea(2, "杭州市西湖区", "LOW", LocalDate.of(2022, 3, 1), null),
			new RiskArea(3, "宁波市北仑区", "MID", LocalDate.of(2022, 1, 1), Instant.parse("2022-02-01T00:00:00Z")));

	@Test
	void aGreenPersonWithoutControlOrTravelMayAttend() {
		assertThat(AttendeeCheck.reasons(new AttendeeCheck.Inputs(StatusColour.GREEN, List.of(), null, "永康市"), LISTED))
			.isEmpty();
	}

	@Test
	void aRedCodeExcludesWithTheFactsBehindItAsHealthReasons() {
		var reasons = AttendeeCheck.reasons(
				new AttendeeCheck.Inputs(StatusColour.RED, List.of(FactKind.CLOSE_CONTACT), null, null), LISTED);
		assertThat(reasons).extracting(Reason::key).containsExactly("gathering.attendee.colour", "gathering.attendee.fact");
		assertThat(reasons.get(0).args()).containsExactly("#status.colour.RED");
		assertThat(reasons).allMatch(Reason::health);
	}

	@Test
	void aYellowCodeExcludesToo() {
		assertThat(AttendeeCheck.reasons(new AttendeeCheck.Inputs(StatusColour.YELLOW, List.of(), null, null), LISTED))
			.extracting(Reason::key)
			.containsExactly("gathering.attendee.colour");
	}

	@Test
	void aPersonStillUnderControlIsExcludedByCategory() {
		assertThat(AttendeeCheck.reasons(
				new AttendeeCheck.Inputs(StatusColour.GREEN, List.of(), Category.SECONDARY_CONTACT, null), LISTED))
			.singleElement()
			.satisfies(r -> assertThat(r.args()).containsExactly("#control.category.SECONDARY_CONTACT"));
	}

	@Test
	void aDeclaredStayInAListedHighOrMediumRiskAreaExcludesButALowOrEndedOneDoesNot() {
		assertThat(AttendeeCheck.reasons(new AttendeeCheck.Inputs(StatusColour.GREEN, List.of(), null,
				"上海市浦东新区张江镇"), LISTED))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.key()).isEqualTo("gathering.attendee.travel");
				assertThat(r.args()).containsExactly("上海市浦东新区", "#venue.risk.HIGH");
				assertThat(r.health()).isFalse();
			});
		assertThat(AttendeeCheck.reasons(new AttendeeCheck.Inputs(StatusColour.GREEN, List.of(), null, "杭州市西湖区"),
				LISTED))
			.isEmpty();
		assertThat(AttendeeCheck.reasons(new AttendeeCheck.Inputs(StatusColour.GREEN, List.of(), null, "宁波市北仑区"),
				LISTED))
			.isEmpty();
	}

}
