package org.gridguard.testing;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every form of sampling time the import page shows as an example is read, as the city's local time when it has no offset. */
class SamplingTimesTests {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private static final Instant HALF_PAST_NINE = Instant.parse("2022-01-05T01:30:00Z");

	@Test
	void everyExampleThePageShowsIsRead() {
		assertThat(SamplingTimes.EXAMPLES).isNotEmpty()
			.allSatisfy(example -> assertThat(SamplingTimes.parse(example, CITY)).as(example).isEqualTo(HALF_PAST_NINE));
	}

	@Test
	void whatTheFileReaderMakesOfADateCellIsRead() {
		assertThat(SamplingTimes.parse("2022-01-05 09:30:00", CITY)).isEqualTo(HALF_PAST_NINE);
		assertThat(SamplingTimes.parse(" 2022-1-5  9:30 ", CITY)).isEqualTo(HALF_PAST_NINE);
		assertThat(SamplingTimes.parse("2022年1月5日9时30分", CITY)).isEqualTo(HALF_PAST_NINE);
	}

	@Test
	void textThatIsNoTimeIsNotRead() {
		assertThat(SamplingTimes.parse("昨天上午", CITY)).isNull();
		assertThat(SamplingTimes.parse("2022-01-05", CITY)).isNull();
		assertThat(SamplingTimes.parse("", CITY)).isNull();
		assertThat(SamplingTimes.parse("1/5/22 9:30", CITY)).isNull();
	}

}
