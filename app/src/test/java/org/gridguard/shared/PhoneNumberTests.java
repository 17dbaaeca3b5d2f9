package org.gridguard.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberTests {

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "+86 138 1234 5678", "0086-13812345678", "138-1234-5678" })
	void acceptsMainlandMobilesInCommonNotations(String raw) {
		assertThat(PhoneNumber.parse(raw).phone()).isEqualTo(new PhoneNumber("13812345678"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "12812345678", "1381234567", "057987123456", "1381234567a" })
	void rejectsWhatIsNotAMobile(String raw) {
		assertThat(PhoneNumber.parse(raw).problem()).isEqualTo(PhoneNumber.Problem.FORMAT);
	}

	@Test
	void masksTheMiddleFourDigits() {
		assertThat(new PhoneNumber("13812345678").masked()).isEqualTo("138****5678");
	}

}
