package org.gridguard.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.platform.DemoDataContributor;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.Role;
import org.gridguard.shared.Paging;
import org.gridguard.venue.RiskArea;
import org.gridguard.venue.RiskAreas;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.gridguard.venue.VenueQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's notices, through the same steps as people take them: the risk areas of a December outbreak in the
 * province on the venue module's list (when it is empty); a first notice on arrivals, replaced five days later by one
 * listing those areas and the measures for each level; a notice on key places that lapses in two weeks; a notice
 * about 华联商厦 drafted by 疾控 and awaiting approval; and a town's draft. Published in the past by moving their
 * times, so that the board reads like a week of work.
 */
@Component
class NoticeDemoData implements DemoDataContributor {

	private static final Jurisdiction ADMIN = new Jurisdiction("admin", Role.CITY_ADMIN, Region.CITY_CODE, null, null,
			null);

	private static final Jurisdiction CDC = new Jurisdiction("cdc", Role.EPIDEMIOLOGIST, Region.CITY_CODE, null, null,
			null);

	private static final Jurisdiction TOWN = new Jurisdiction("town", Role.TOWN_OFFICER, "330784001", null, null, null);

	private final Drafting drafting;

	private final Approval approval;

	private final Publishing publishing;

	private final RiskAreas riskAreas;

	private final VenueManagement venues;

	private final JdbcClient jdbc;

	private final Clock clock;

	NoticeDemoData(Drafting drafting, Approval approval, Publishing publishing, RiskAreas riskAreas,
			VenueManagement venues, JdbcClient jdbc, Clock clock) {
		this.drafting = drafting;
		this.approval = approval;
		this.publishing = publishing;
		this.riskAreas = riskAreas;
		this.venues = venues;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String key() {
		return "notice.notices.v1";
	}

	@Override
	public int order() {
		return 700;
	}

	@Override
	public void load() {
		LocalDate today = LocalDate.now(clock);
		if (riskAreas.listed().isEmpty()) {
			riskAreas.add("绍兴市上虞区曹娥街道", "HIGH", today.minusDays(10), "admin");
			riskAreas.add("宁波市镇海区招宝山街道", "MID", today.minusDays(12), "admin");
			riskAreas.add("杭州市萧山区瓜沥镇", "MID", today.minusDays(9), "admin");
			riskAreas.add("绍兴市上虞区（除曹娥街道外）", "LOW", today.minusDays(10), "admin");
		}
		List<Long> areas = riskAreas.listed().stream().map(RiskArea::id).toList();

		Notice arrivals = published(CDC, new NoticeDraft("关于加强来（返）永人员健康管理的通告", """
				为有效防范疫情输入风险，切实保障人民群众身体健康和生命安全，现将有关事项通告如下：
				一、所有来（返）永人员应提前3天向目的地村（社区）、单位或所住宾馆报备，抵永后主动扫场所码、测温、亮码，配合做好健康管理。
				二、7天内有本土疫情所在县（市、区）旅居史的人员，抵永后须持48小时内核酸检测阴性证明，并落实“三天两检”。
				三、广大市民朋友非必要不离永，坚持戴口罩、勤洗手、常通风、一米线等良好卫生习惯。""", null, null, List.of(),
				null), 9);
		Notice areasNotice = published(CDC, new NoticeDraft("关于中高风险地区来（返）永人员健康管理措施的通告", """
				为有效防范疫情输入风险，根据国家和省、市疫情防控要求，现将中高风险地区来（返）永人员健康管理措施通告如下：
				一、7天内有高风险区旅居史的人员，抵永后实行7天集中隔离医学观察，第1、2、3、5、7天各开展一次核酸检测。
				二、7天内有中风险区旅居史的人员，抵永后实行7天居家隔离医学观察（不具备居家条件的实行集中隔离医学观察），第1、4、7天各开展一次核酸检测。
				三、7天内有低风险区旅居史的人员，抵永后落实“三天两检”，第1天和第3天各开展一次核酸检测，期间做好日常健康监测。
				四、上述人员抵永前应提前向目的地村（社区）、单位或所住宾馆报备；隐瞒行程、拒不配合的，依法追究相关责任。""", null,
				null, areas, arrivals.id()), 5);
		published(TOWN, new NoticeDraft("关于严格落实重点场所扫码测温亮码的通告", """
				全市商场超市、农贸市场、宾馆酒店、交通场站、医疗机构等重点场所，自即日起严格落实扫码、测温、亮码、查验行程卡措施：
				一、进入人员一律扫场所码登记；无智能手机的老人、儿童由工作人员在服务台代为登记。
				二、健康码为黄码、红码的人员不得进入，工作人员应劝导其就近到发热门诊或所在村（社区）报告。
				三、各行业主管部门加强督查，对落实不力的场所责令整改；拒不整改的，依法依规处理。""", null,
				local(clock.instant().plus(Duration.ofDays(12))), List.of(), null), 2);

		Venue hualian = venues.search(ADMIN, new VenueQuery("华联商厦", null, null, null), new Paging(0, 1))
			.items()
			.stream()
			.findFirst()
			.orElse(null);
		String place = hualian == null ? "华联商厦" : hualian.name() + "（" + hualian.address() + "）";
		Notice venueNotice = drafting.draft(new NoticeDraft("关于华联商厦相关时段到访人员主动报备的通告", place
				+ "于12月3日 14:00至16:30期间有病例活动轨迹。现将有关事项通告如下：\n"
				+ "一、凡在上述时段到访过华联商厦的人员，请立即主动向所在村（社区）、单位或所住宾馆报备，配合落实核酸检测和健康监测等防控措施。\n"
				+ "二、报备人员在核酸检测结果出来前做好居家健康监测，非必要不外出、不聚集，外出时全程规范佩戴口罩。\n"
				+ "三、如出现发热、干咳、乏力、咽痛、嗅（味）觉减退、腹泻等症状，请及时到就近发热门诊就诊，就医途中避免乘坐公共交通工具。", null,
				null, List.of(), null), CDC);
		drafting.submit(venueNotice.id(), CDC);

		drafting.draft(new NoticeDraft("关于东城街道农贸市场错峰购物的通告", """
				为减少人员聚集，东城街道辖区农贸市场即日起实行错峰购物：
				一、每日7:00至9:00优先供60岁以上老人购物。
				二、进入市场须扫场所码、测温、亮码，全程佩戴口罩，保持一米线距离。""", null, null, List.of(), null), TOWN);
	}

	/** Drafted, submitted, approved by the city command and published; then dated {@code daysAgo} days back. */
	private Notice published(Jurisdiction drafter, NoticeDraft draft, int daysAgo) {
		Notice notice = drafting.draft(draft, drafter);
		drafting.submit(notice.id(), drafter);
		approval.approve(notice.id(), ADMIN);
		Notice published = publishing.publish(notice.id(), ADMIN);
		Instant at = clock.instant().minus(Duration.ofDays(daysAgo));
		jdbc.sql("""
				UPDATE notice SET drafted_at = ?, updated_at = ?, submitted_at = ?, approved_at = ?, published_at = ?,
					effective_from = ? WHERE id = ?""")
			.params(Timestamp.from(at.minus(Duration.ofHours(5))), Timestamp.from(at.minus(Duration.ofHours(5))),
					Timestamp.from(at.minus(Duration.ofHours(3))), Timestamp.from(at.minus(Duration.ofHours(1))),
					Timestamp.from(at), Timestamp.from(at), notice.id())
			.update();
		jdbc.sql("UPDATE notice SET withdrawn_at = ? WHERE superseded_by = ?").params(Timestamp.from(at), notice.id()).update();
		return published;
	}

	private String local(Instant at) {
		return at.atZone(clock.getZone()).toLocalDateTime().withSecond(0).withNano(0).toString();
	}

}
