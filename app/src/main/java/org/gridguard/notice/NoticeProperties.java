package org.gridguard.notice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the notice module, as {@code gridguard.notice.*} properties (documented in {@code docs/notice.md}).
 *
 * @param issuer the issuing body printed above and below every notice; taken into a notice when it is published
 * @param numberPrefix put before the number of the year, e.g. {@code 永疫指办} for {@code 永疫指办〔2026〕6号}; empty
 * for none
 * @param separateApproval whether the approver must be someone other than the notice's drafter and last editor
 * @param publicRefresh how long the public page and API serve the same list before reading it again (a publication
 * or withdrawal on this instance refreshes it at once)
 * @param publicHistory how many notices no longer in force the public page still lists
 */
@ConfigurationProperties("gridguard.notice")
public record NoticeProperties(@DefaultValue("永康市新冠肺炎疫情防控工作领导小组办公室") String issuer,
		@DefaultValue("") String numberPrefix, @DefaultValue("true") boolean separateApproval,
		@DefaultValue("30s") Duration publicRefresh,
		@DefaultValue("10") int publicHistory) {

	/** The number as printed: prefix, year in 〔〕, sequence and 号. */
	public String number(int year, int seq) {
		return numberPrefix.strip() + "〔" + year + "〕" + seq + "号";
	}

}
