package org.gridguard.notice;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.Conflict;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NotFound;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.Role;
import org.gridguard.shared.IdNumber;
import org.gridguard.tracing.Investigation;
import org.gridguard.tracing.InvestigationManagement;
import org.gridguard.tracing.VenueNotices;
import org.gridguard.venue.NewVenue;
import org.gridguard.venue.RiskArea;
import org.gridguard.venue.RiskAreas;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridguard.notice.NoticeFixtures.ADMIN;
import static org.gridguard.notice.NoticeFixtures.CDC;
import static org.gridguard.notice.NoticeFixtures.TOWN;
import static org.gridguard.notice.NoticeFixtures.title;

/**
 * A notice's way from draft to the public and back: who may take which step, every step in the audit log, the public
 * page and API without an account showing published notices and never anything else, the rules a notice's content
 * and risk areas must meet, replacement of a notice in force, and the draft an investigation's venue notice becomes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NoticeWorkflowIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Drafting drafting;

	@Autowired
	Approval approval;

	@Autowired
	Publishing publishing;

	@Autowired
	NoticeQueries queries;

	@Autowired
	PublicNotices publicNotices;

	@Autowired
	RiskAreas riskAreas;

	@Autowired
	AuditLog audit;

	@Autowired
	PersonManagement persons;

	@Autowired
	VenueManagement venues;

	@Autowired
	InvestigationManagement investigations;

	@Autowired
	VenueNotices venueNotices;

	@Autowired
	Clock clock;

	private NoticeFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new NoticeFixtures(drafting, approval);
	}

	@Test
	void aNoticeGoesFromDraftThroughApprovalToThePublicAndEveryStepIsAudited() {
		RiskArea area = riskAreas.add("测试县甲镇（流程）", "HIGH", LocalDate.now(clock), "admin");
		String title = title("关于甲镇来永人员健康管理的通告");
		Notice draft = fixtures.draft(title, List.of(area.id()));
		drafting.edit(draft.id(), new NoticeDraft(title, "一、甲镇来永人员实行7天集中隔离医学观察。", null, null, List.of(area.id()),
				null), CDC);
		drafting.submit(draft.id(), CDC);
		approval.approve(draft.id(), ADMIN);
		Notice published = publishing.publish(draft.id(), ADMIN);

		JsonNode item = publicItem(published.number());
		assertThat(item.get("title").asString()).isEqualTo(title);
		assertThat(item.get("publishedAt").asString()).endsWith("+08:00");
		assertThat(item.get("url").asString()).isEqualTo("http://localhost:" + port + published.publicPath());
		assertThat(item.get("riskAreas").valueStream().map(a -> a.get("name").asString()).toList())
			.containsExactly("测试县甲镇（流程）");
		HttpResponse<String> page = TestHttp.anonymous(port).get(published.publicPath());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(published.number(), title, "甲镇来永人员实行7天集中隔离医学观察", "测试县甲镇（流程）");
		HttpResponse<byte[]> pdf = TestHttp.anonymous(port).download(published.publicPath() + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

		publishing.withdraw(published.id(), "风险地区已调整", ADMIN);
		assertThat(publicNumbers()).doesNotContain(published.number());
		assertThat(TestHttp.anonymous(port).get(published.publicPath()).body()).contains("撤销：风险地区已调整");

		assertThat(audit.forSubject("notice", String.valueOf(published.id()), 10)).extracting(AuditLog.AuditEntry::action,
				AuditLog.AuditEntry::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("NOTICE_WITHDRAW", "admin"),
					org.assertj.core.groups.Tuple.tuple("NOTICE_PUBLISH", "admin"),
					org.assertj.core.groups.Tuple.tuple("NOTICE_APPROVE", "admin"),
					org.assertj.core.groups.Tuple.tuple("NOTICE_SUBMIT", "cdc"),
					org.assertj.core.groups.Tuple.tuple("NOTICE_EDIT", "cdc"),
					org.assertj.core.groups.Tuple.tuple("NOTICE_DRAFT", "cdc"));
	}

	@Test
	void theCityCommandApprovesOnlyWhatSomeoneElseWrote() {
		Notice own = drafting.draft(new NoticeDraft(title("自拟自审"), "正文", null, null, List.of(), null), ADMIN);
		drafting.submit(own.id(), ADMIN);

		assertThatThrownBy(() -> approval.approve(own.id(), ADMIN)).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("approvedBy"));
		var second = new Jurisdiction("admin2", Role.CITY_ADMIN, Region.CITY_CODE, null, null, null);
		assertThat(approval.approve(own.id(), second).state()).isEqualTo(Notice.State.APPROVED);
		assertThatThrownBy(() -> approval.approve(own.id(), second)).isInstanceOf(Conflict.class);
	}

	@Test
	void townsDraftButOnlyTheCityCommandApprovesPublishesAndWithdraws() {
		Notice town = drafting.draft(new NoticeDraft(title("镇街起草"), "正文", null, null, List.of(), null), TOWN);
		drafting.submit(town.id(), TOWN);
		assertThatThrownBy(() -> approval.approve(town.id(), TOWN)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> approval.approve(town.id(), CDC)).isInstanceOf(NotFound.class);

		Notice cdcDraft = fixtures.draft(title("疾控起草"), List.of());
		assertThatThrownBy(() -> drafting.edit(cdcDraft.id(),
				new NoticeDraft("改标题", "正文", null, null, List.of(), null), TOWN))
			.isInstanceOfSatisfying(InvalidInput.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("draftedBy"));
		var grid = new Jurisdiction("grid", Role.GRID_WORKER, "330784001001001", null, null, null);
		assertThatThrownBy(() -> drafting.draft(new NoticeDraft("标题", "正文", null, null, List.of(), null), grid))
			.isInstanceOf(NotFound.class);

		Notice sentBack = approval.sendBack(town.id(), "请补充措施", ADMIN);
		assertThat(sentBack.state()).isEqualTo(Notice.State.DRAFT);
		assertThat(sentBack.returnReason()).isEqualTo("请补充措施");
		Notice published = publishing.publish(fixtures.approved(title("待撤销")).id(), ADMIN);
		assertThatThrownBy(() -> publishing.withdraw(published.id(), "原因", TOWN)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> publishing.withdraw(published.id(), " ", ADMIN)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void draftsAndNoticesAwaitingApprovalStayOffThePublicPagesAndApi() {
		String drafted = title("草稿不公开");
		String submitted = title("待审核不公开");
		String approved = title("已审核未发布不公开");
		fixtures.draft(drafted, List.of());
		drafting.submit(fixtures.draft(submitted, List.of()).id(), CDC);
		fixtures.approved(approved);
		Notice published = publishing.publish(fixtures.approved(title("已发布公开")).id(), ADMIN);

		TestHttp anonymous = TestHttp.anonymous(port);
		HttpResponse<String> board = anonymous.get("/public/notices");
		HttpResponse<String> api = anonymous.api("GET", "/api/public/notices", null, null);
		assertThat(board.statusCode()).isEqualTo(200);
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(board.body()).contains(published.title()).doesNotContain(drafted, submitted, approved);
		assertThat(api.body()).contains(published.title()).doesNotContain(drafted, submitted, approved);
		// no drafter, approver or publisher: the public learns the issuing body only
		assertThat(api.body()).doesNotContain("\"cdc\"", "\"admin\"", "draftedBy", "publishedBy", "approvedBy");
		assertThat(JSON.readTree(api.body()).get(0).propertyNames()).contains("number", "title", "publishedAt", "url");
		int year = LocalDate.now(clock).getYear();
		assertThat(anonymous.get("/public/notices/" + year + "/99999").statusCode()).isEqualTo(404);
		assertThat(anonymous.get("/notices").statusCode()).as("the staff pages need a sign-in").isEqualTo(302);
	}

	@Test
	void aNoticeNamingAPersonByIdentityOrMobileNumberIsRefusedNamingTheField() {
		String first17 = "33078419800202002";
		String idNumber = first17 + IdNumber.checkCharacter(first17);
		assertThatThrownBy(() -> drafting.draft(new NoticeDraft("请13905791234联系", "身份证号" + idNumber + "的人员请报备",
				null, null, List.of(), null), CDC))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.problems()).extracting(FieldProblem::field)
				.containsExactly("title", "body"));
		assertThatThrownBy(() -> drafting.draft(new NoticeDraft("标题", "正文", "2026-13-40T08:00", null, List.of(-1L),
				null), CDC))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.problems()).extracting(FieldProblem::field)
				.containsExactly("effectiveFrom", "riskAreas"));
	}

	@Test
	void publishingRefusesARiskAreaTakenOffTheListSinceDrafting() {
		RiskArea area = riskAreas.add("测试县乙镇（解除）", "MID", LocalDate.now(clock), "admin");
		Notice notice = fixtures.draft(title("列明已解除地区"), List.of(area.id()));
		drafting.submit(notice.id(), CDC);
		approval.approve(notice.id(), ADMIN);
		riskAreas.end(area.id());

		assertThatThrownBy(() -> publishing.publish(notice.id(), ADMIN)).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.problems()).extracting(FieldProblem::message)
					.singleElement()
					.asString()
					.contains("测试县乙镇（解除）"));
		assertThat(queries.find(notice.id()).orElseThrow().state()).isEqualTo(Notice.State.APPROVED);
	}

	@Test
	void aLaterNoticeWithdrawsTheOneItReplacesWhenItIsPublished() {
		Notice old = publishing.publish(fixtures.approved(title("旧通告")).id(), ADMIN);
		Notice replacement = drafting.draft(new NoticeDraft(title("新通告"), "正文", null, null, List.of(), old.id()), CDC);
		drafting.submit(replacement.id(), CDC);
		approval.approve(replacement.id(), ADMIN);
		assertThat(publicNumbers()).contains(old.number());

		Notice published = publishing.publish(replacement.id(), ADMIN);

		Notice withdrawn = queries.find(old.id()).orElseThrow();
		assertThat(withdrawn.state()).isEqualTo(Notice.State.WITHDRAWN);
		assertThat(withdrawn.supersededBy()).isEqualTo(published.id());
		assertThat(withdrawn.withdrawReason()).contains(published.number());
		assertThat(publicNumbers()).contains(published.number()).doesNotContain(old.number());
	}

	@Test
	void anInvestigationsVenueNoticeBecomesOnePrefilledDraftThatIsPublishedLikeAnyOther() {
		Person casePerson = persons.createResident(new NewResident("通告病例", IdType.RESIDENT_ID, TestIds.resident(), null,
				"330784001001001", "通告病例家", null), ADMIN);
		Venue venue = venues.register(new NewVenue("通告测试商场", "MALL_SUPERMARKET", "330784001", "测试路 8 号", 500, null,
				"通告测试公司", "经理", "13905790001", "经理", "13905790001"), ADMIN);
		Investigation investigation = investigations.openManually(casePerson.id(), LocalDate.now(clock), CDC);
		investigations.venueNotice(investigation.id(), venue.id(), CDC);
		VenueNotices.VenueNotice venueNotice = venueNotices.recent(CDC, 20)
			.stream()
			.filter(v -> v.venueId() == venue.id())
			.findFirst()
			.orElseThrow();

		Notice draft = drafting.fromVenueNotice(venueNotice.id(), CDC);

		assertThat(draft.state()).isEqualTo(Notice.State.DRAFT);
		assertThat(draft.title()).contains("通告测试商场");
		assertThat(draft.body()).contains("通告测试商场（测试路 8 号）").doesNotContain("通告病例");
		assertThat(draft.venueId()).isEqualTo(venue.id());
		assertThat(drafting.fromVenueNotice(venueNotice.id(), CDC).id()).as("one notice per venue notice")
			.isEqualTo(draft.id());
		var elsewhere = new Jurisdiction("shizhu", Role.TOWN_OFFICER, "330784105", null, null, null);
		assertThatThrownBy(() -> drafting.fromVenueNotice(venueNotice.id(), elsewhere)).isInstanceOf(NotFound.class);

		drafting.submit(draft.id(), CDC);
		approval.approve(draft.id(), ADMIN);
		Notice published = publishing.publish(draft.id(), ADMIN);
		assertThat(publicItem(published.number()).get("title").asString()).contains("通告测试商场");
	}

	private JsonNode publicItem(String number) {
		HttpResponse<String> response = TestHttp.anonymous(port).api("GET", "/api/public/notices", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body())
			.valueStream()
			.filter(n -> n.get("number").asString().equals(number))
			.findFirst()
			.orElseThrow(() -> new AssertionError(number + " not in " + response.body()));
	}

	private List<String> publicNumbers() {
		HttpResponse<String> response = TestHttp.anonymous(port).api("GET", "/api/public/notices", null, null);
		return JSON.readTree(response.body()).valueStream().map(n -> n.get("number").asString()).toList();
	}

}
