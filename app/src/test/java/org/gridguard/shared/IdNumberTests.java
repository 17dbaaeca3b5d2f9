package org.gridguard.shared;

import java.time.LocalDate;

import org.gridguard.MaskCompletions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "34052419800101001X", "410326199507103197", "330784199001011231" })
	void acceptsPublishedTestVectors(String raw) {
		assertThat(IdNumber.parse(raw, TODAY).valid()).isTrue();
	}

	@Test
	void normalisesLowerCaseXAndSpaces() {
		IdNumber id = IdNumber.parse(" 11010519491231002x ", TODAY).orElseThrow();
		assertThat(id.value()).isEqualTo("11010519491231002X");
	}

	@Test
	void rejectsAWrongCheckDigitAndNamesTheExpectedOne() {
		IdNumber.Parsed parsed = IdNumber.parse("330784199001011234", TODAY);
		assertThat(parsed.problem()).isEqualTo(IdNumber.Problem.CHECK_DIGIT);
		assertThat(parsed.expected()).isEqualTo("1");
	}

	@Test
	void rejectsABirthDateThatDoesNotExist() {
		String first17 = "33078419900230123";
		assertThat(IdNumber.parse(first17 + IdNumber.checkCharacter(first17), TODAY).problem())
			.isEqualTo(IdNumber.Problem.BIRTH_DATE);
	}

	@Test
	void rejectsABirthDateAfterToday() {
		String first17 = "33078420261130123";
		assertThat(IdNumber.parse(first17 + IdNumber.checkCharacter(first17), TODAY).problem())
			.isEqualTo(IdNumber.Problem.BIRTH_DATE_FUTURE);
	}

	@Test
	void rejectsWrongLengthLettersAndUnknownProvince() {
		assertThat(IdNumber.parse("33078419900101123", TODAY).problem()).isEqualTo(IdNumber.Problem.LENGTH);
		assertThat(IdNumber.parse("3307841990A101123X", TODAY).problem()).isEqualTo(IdNumber.Problem.CHARACTERS);
		String first17 = "99078419900101123";
		assertThat(IdNumber.parse(first17 + IdNumber.checkCharacter(first17), TODAY).problem())
			.isEqualTo(IdNumber.Problem.REGION);
		assertThat(IdNumber.parse("", TODAY).problem()).isEqualTo(IdNumber.Problem.EMPTY);
	}

	@Test
	void masksAllButTheFirstThreeAndTheLastTwoCharacters() {
		assertThat(IdNumber.parse("330784199001011231", TODAY).orElseThrow().masked()).isEqualTo("330*************31");
		assertThat(IdNumber.mask("E12345678")).isEqualTo("*********");
		assertThat(IdNumber.mask("H1234567801")).isEqualTo("H12******01");
	}

	@Test
	void aBirthDateAndTheAddressCodeDoNotCompleteTheMask() {
		String full = "330784199001011231";
		String mask = IdNumber.mask(full);
		// the former mask kept the address code and the last four: the birth date filled the rest
		assertThat(MaskCompletions.withBirthDate("330784********1231", full, LocalDate.of(1990, 1, 1))).isEqualTo(1);
		assertThat(MaskCompletions.withBirthDate(mask, full, LocalDate.of(1990, 1, 1))).isGreaterThan(1);
		assertThat(MaskCompletions.withBirthYear(mask, full, 1990)).isGreaterThanOrEqualTo(1_000);
	}

	@Test
	void readsBirthDateAndGender() {
		IdNumber id = IdNumber.parse("330784199001011231", TODAY).orElseThrow();
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
		assertThat(id.male()).isTrue();
		assertThat(IdNumber.parse("11010519491231002X", TODAY).orElseThrow().male()).isFalse();
	}

}
