package org.gridguard.notice;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.Role;

/**
 * What the notice tests set up: notices drafted by 疾控 and taken as far as asked by the city command, with titles
 * that no other test uses.
 */
final class NoticeFixtures {

	static final Jurisdiction CDC = new Jurisdiction("cdc", Role.EPIDEMIOLOGIST, Region.CITY_CODE, null, null, null);

	static final Jurisdiction ADMIN = new Jurisdiction("admin", Role.CITY_ADMIN, Region.CITY_CODE, null, null, null);

	static final Jurisdiction TOWN = new Jurisdiction("town", Role.TOWN_OFFICER, "330784001", null, null, null);

	private static final AtomicInteger NEXT = new AtomicInteger(1);

	private final Drafting drafting;

	private final Approval approval;

	NoticeFixtures(Drafting drafting, Approval approval) {
		this.drafting = drafting;
		this.approval = approval;
	}

	static String title(String what) {
		return what + "（测试" + NEXT.getAndIncrement() + "）";
	}

	Notice draft(String title, List<Long> areas) {
		return drafting.draft(new NoticeDraft(title, "一、请市民朋友做好个人防护。\n二、非必要不聚集。", null, null, areas, null), CDC);
	}

	/** Drafted by 疾控, submitted, and approved by the city command: ready to publish. */
	Notice approved(String title) {
		Notice notice = draft(title, List.of());
		drafting.submit(notice.id(), CDC);
		return approval.approve(notice.id(), ADMIN);
	}

}
