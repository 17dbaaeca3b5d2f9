package org.gridguard.response;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridguard.platform.DemoDataContributor;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's emergency response: the level's history (Ⅲ for a fortnight during an outbreak, Ⅳ since), the Ⅲ
 * and Ⅱ profiles edited by the command, five plans and three drills whose follow-up actions are done, open, and
 * overdue (one of them reported to the command); the desk exercise used the first version of the city's plan, revised
 * since.
 */
@Component
class ResponseDemoData implements DemoDataContributor {

	private static final Jurisdiction ADMIN = new Jurisdiction("admin", Role.CITY_ADMIN, Region.CITY_CODE, null, null,
			null);

	private final JdbcClient jdbc;

	private final ResponseState state;

	private final ProfileEditing profiles;

	private final Plans plans;

	private final Drills drills;

	private final FollowUps followUps;

	private final Clock clock;

	ResponseDemoData(JdbcClient jdbc, ResponseState state, ProfileEditing profiles, Plans plans, Drills drills,
			FollowUps followUps, Clock clock) {
		this.jdbc = jdbc;
		this.state = state;
		this.profiles = profiles;
		this.plans = plans;
		this.drills = drills;
		this.followUps = followUps;
		this.clock = clock;
	}

	@Override
	public String key() {
		return "response.levels-plans-drills.v1";
	}

	@Override
	public int order() {
		return 700;
	}

	@Override
	public void load() {
		levels();
		profiles.edit(ResponseLevel.III, Map.of("venue.capacity.CULTURE_SPORTS", "60",
				"control.sla.GENERAL_CONTACT.verify", "12", "venue.nat-days.DELIVERY", "1"), ADMIN.username());
		profiles.edit(ResponseLevel.II, Map.of("control.escalation.city", "90", "quarantine.transfer-sla", "4",
				"venue.nat-days.MALL_SUPERMARKET", "1"), ADMIN.username());
		var documents = new DemoPlanDocument();
		Plan city = plan(documents, Scenario.LOCAL_OUTBREAK, "永康市新冠肺炎本土疫情应急处置预案", "COMMAND", "市防控办应急组",
				"2021年版", List.of("一、总则", "二、组织指挥体系", "三、监测预警", "四、应急响应（Ⅳ级至Ⅰ级）", "五、分区分级管控", "六、保障措施"));
		Plan testing = plan(documents, Scenario.MASS_TESTING, "区域全员核酸检测工作方案", "DEPARTMENT:HEALTH", "市卫健局疾控科",
				"2022年版", List.of("一、检测范围与时限", "二、采样点设置", "三、人员与物资", "四、样本转运与实验室检测", "五、结果报告"));
		Plan sites = plan(documents, Scenario.CENTRAL_QUARANTINE, "集中隔离场所突发事件应急处置预案", "DEPARTMENT:HEALTH",
				"市卫健局医政科", "2022年版", List.of("一、适用范围", "二、隔离人员突发疾病", "三、阳性病例处置", "四、火灾与停电", "五、信息报告"));
		plan(documents, Scenario.SPECIAL_PLACES, "养老机构疫情防控应急预案", "DEPARTMENT:CIVIL_AFFAIRS", "市民政局养老服务科",
				"2022年版", List.of("一、封闭管理的启动与解除", "二、闭环工作人员轮班", "三、探视与物资配送", "四、疫情发生后的处置"));
		plan(documents, Scenario.LOCAL_OUTBREAK, "东城街道疫情应急处置预案", "TOWN:330784001", "街道应急办", "2022年版",
				List.of("一、街道指挥部与网格力量", "二、核查与管控", "三、封控区生活保障", "四、信息发布"));
		drills(city, testing, sites);
		// the findings of the desk exercise went into a revision of the city's plan
		plans.addVersion(city.id(), upload(documents, "永康市新冠肺炎本土疫情应急处置预案（2022修订）.pdf",
				documents.pdf("永康市新冠肺炎本土疫情应急处置预案", "2022年修订版",
						List.of("一、总则", "二、组织指挥体系", "三、第一时间响应核查", "四、应急响应（Ⅳ级至Ⅰ级）", "五、风险区域划定与管控",
								"六、集中隔离与转运", "七、保障措施"))),
				"依据第九版防控方案和桌面推演发现的问题修订：密接“7+3”，风险区域划定，流调信息推送时限", ADMIN);
		state.reloadAfterCommit();
	}

	/** 常态化 since two months ago, Ⅲ for a fortnight from 20 days ago, Ⅳ since 6 days ago. */
	private void levels() {
		Instant now = clock.instant();
		jdbc.sql("UPDATE response_level_change SET since = ?, changed_at = ? WHERE reason IS NULL")
			.params(Timestamp.from(now.minus(Duration.ofDays(60))), Timestamp.from(now.minus(Duration.ofDays(60))))
			.update();
		change(ResponseLevel.III, now.minus(Duration.ofDays(20)),
				"东城街道报告1例本土确诊病例，经市指挥部研究，自即日起启动Ⅲ级应急响应（永防指〔2022〕5号）");
		change(ResponseLevel.IV, now.minus(Duration.ofDays(6)),
				"连续7天无新增本土感染者，中风险区已解除，调整为Ⅳ级应急响应（永防指〔2022〕9号）");
	}

	private void change(ResponseLevel level, Instant since, String reason) {
		jdbc.sql("""
				INSERT INTO response_level_change (level, since, reason, changed_at, changed_by)
				VALUES (?, ?, ?, ?, 'admin')""")
			.params(level.name(), Timestamp.from(since), reason, Timestamp.from(since.plus(Duration.ofMinutes(12))))
			.update();
	}

	private Plan plan(DemoPlanDocument documents, Scenario scenario, String title, String owner, String contact,
			String edition, List<String> chapters) {
		return plans.create(scenario.name(), title, owner, contact,
				upload(documents, title + ".pdf", documents.pdf(title, edition, chapters)), edition, ADMIN);
	}

	private static Plans.Upload upload(DemoPlanDocument documents, String filename, byte[] pdf) {
		return new Plans.Upload(filename, pdf.length, () -> pdf);
	}

	private void drills(Plan city, Plan testing, Plan sites) {
		LocalDate today = LocalDate.now(clock);
		Drill desk = drills.record(new Drills.NewDrill(today.minusDays(40).toString(), Scenario.LOCAL_OUTBREAK.name(),
				"全市本土疫情应急处置桌面推演", city.id(), "市指挥部各工作组、市卫健局、市公安局、市交通运输局、东城街道、西城街道，共46人",
				"流调信息推送到社区平均延迟约2小时；转运车辆调度通讯录未更新，2个联系电话无人接听；部分网格员不熟悉核查结果的上报流程。"),
				List.of(new Drills.NewFollowUp("更新转运车辆调度通讯录并每月核对", "DEPARTMENT:TRANSPORT", "运输科",
						today.minusDays(30).toString()),
						new Drills.NewFollowUp("流调信息推送到社区的时限缩短至1小时", "COMMAND", "流调溯源组",
								today.minusDays(10).toString()),
						new Drills.NewFollowUp("组织网格员核查流程培训", "TOWN:330784002", "西城街道平安办",
								today.plusDays(5).toString())),
				ADMIN);
		drills.followUps(desk.id())
			.stream()
			.filter(f -> f.owner().kind() == Owner.Kind.DEPARTMENT)
			.forEach(f -> followUps.close(f.id(), "已更新通讯录，并建立每月1日核对制度", ADMIN));
		drills.record(new Drills.NewDrill(today.minusDays(15).toString(), Scenario.MASS_TESTING.name(),
				"东城街道区域全员核酸检测实战演练", testing.id(), "东城街道、市卫健局、市第一人民医院采样队，共120人",
				"2个采样点排队超过40分钟；夜间照明和备用电源不足。"),
				List.of(new Drills.NewFollowUp("增设3个采样点并配备备用电源", "TOWN:330784001", "街道应急办",
						today.minusDays(3).toString()),
						new Drills.NewFollowUp("采样人员轮训考核", "DEPARTMENT:HEALTH", "疾控科", today.plusDays(10).toString())),
				ADMIN);
		drills.record(new Drills.NewDrill(today.minusDays(5).toString(), Scenario.CENTRAL_QUARANTINE.name(),
				"东城健康驿站突发事件应急演练", sites.id(), "东城健康驿站工作专班、120急救中心、市消防救援大队，共32人",
				"隔离人员突发疾病时，转运通道与污染区交叉。"),
				List.of(new Drills.NewFollowUp("调整转运路线，流程上墙", "DEPARTMENT:HEALTH", "医政科", today.plusDays(7).toString())),
				ADMIN);
		followUps.escalate();
	}

}
