package org.gridguard.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gridguard.shared.IdNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a notice that need no database: its number as the city prints it, when it is in force, and the
 * personal data a notice must never carry.
 */
class NoticeRulesTests {

	private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	@Test
	void theNumberIsTheYearInLenticularBracketsAndTheSequence() {
		var plain = new NoticeProperties("永康市新冠肺炎疫情防控工作领导小组办公室", "", true, Duration.ofSeconds(30), 10);
		var prefixed = new NoticeProperties("永康市新冠肺炎疫情防控工作领导小组办公室", "永疫指办", true,
				Duration.ofSeconds(30), 10);
		assertThat(plain.number(2021, 6)).isEqualTo("〔2021〕6号");
		assertThat(prefixed.number(2026, 12)).isEqualTo("永疫指办〔2026〕12号");
	}

	@Test
	void aPublishedNoticeIsInForceUntilItsEndAndAWithdrawnOneNever() {
		Notice open = notice(Notice.State.PUBLISHED, null);
		Notice ending = notice(Notice.State.PUBLISHED, NOW.plusSeconds(60));
		Notice ended = notice(Notice.State.PUBLISHED, NOW);
		Notice withdrawn = notice(Notice.State.WITHDRAWN, null);
		Notice approved = notice(Notice.State.APPROVED, null);
		assertThat(open.inForce(NOW)).isTrue();
		assertThat(ending.inForce(NOW)).isTrue();
		assertThat(ended.inForce(NOW)).isFalse();
		assertThat(ended.lapsed(NOW)).isTrue();
		assertThat(withdrawn.inForce(NOW)).isFalse();
		assertThat(withdrawn.isPublic()).isTrue();
		assertThat(approved.isPublic()).isFalse();
		assertThat(approved.inForce(NOW)).isFalse();
	}

	@Test
	void identityNumbersAreFoundByTheirCheckCharacterWhereverTheyStand() {
		String first17 = "33078419900101123";
		String valid = first17 + IdNumber.checkCharacter(first17);
		char wrong = IdNumber.checkCharacter(first17) == '0' ? '1' : '0';
		assertThat(NoticeChecks.containsIdNumber("请身份证号为" + valid + "的人员报备")).isTrue();
		assertThat(NoticeChecks.containsIdNumber(valid.toLowerCase())).isTrue();
		assertThat(NoticeChecks.containsIdNumber("编号" + first17 + wrong)).isFalse();
		assertThat(NoticeChecks.containsIdNumber("〔2026〕6号 12月3日14:00至16:30")).isFalse();
	}

	@Test
	void mobileNumbersAreFoundAlsoWithSpacesButOfficeLinesAndHotlinesPass() {
		assertThat(NoticeChecks.containsMobile("联系人13905791234")).isTrue();
		assertThat(NoticeChecks.containsMobile("联系电话 139 0579 1234")).isTrue();
		assertThat(NoticeChecks.containsMobile("咨询电话0579-87123456、12345")).isFalse();
		assertThat(NoticeChecks.containsMobile("第1、2、3、5、7天")).isFalse();
	}

	private static Notice notice(Notice.State state, Instant until) {
		boolean numbered = state == Notice.State.PUBLISHED || state == Notice.State.WITHDRAWN;
		return new Notice(1, state, "标题", "正文", NOW.minusSeconds(3600), until, null, null, null, List.of(), NOW, "cdc",
				NOW, "cdc", null, null, null, null, null, numbered ? 2026 : null, numbered ? 1 : null,
				numbered ? "〔2026〕1号" : null, null, numbered ? NOW : null, null, null, null, null, null);
	}

}
