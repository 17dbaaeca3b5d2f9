package org.gridguard.control;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol editor is a form with one row per stage: a refused draft comes back as typed with each problem named by
 * row and field in words, the plan a person would get is previewed from the draft, and a corrected draft is saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProtocolEditorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ProtocolCatalogue catalogue;

	@Autowired
	Clock clock;

	/** The form as the page sends it: row numbers with a gap where a row was removed. */
	private static String form(String id, String secondDays) {
		return "id=" + id + "&name=%E8%AF%95%E7%94%A8%E6%96%B9%E6%A1%88&start=LAST_EXPOSURE&releaseRule=ALL_TESTS_NEGATIVE"
				+ "&basis=&escalateTo="
				+ "&stage.0.measure=CENTRAL_ISOLATION&stage.0.days=5&stage.0.test=1&stage.0.test=3&stage.0.test=5"
				+ "&stage.0.alt=HOME_ISOLATION"
				+ "&stage.2.measure=HOME_HEALTH_MONITORING&stage.2.days=" + secondDays + "&stage.2.test=2";
	}

	@Test
	void aRefusedDraftComesBackAsTypedNamingRowAndFieldAndTheCorrectedOneIsSaved() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		assertThat(admin.get("/control/protocols").body()).contains("id=\"protocol-form\"").contains("id=\"add-stage\"");

		HttpResponse<String> refused = admin.postRaw("/control/protocols", form("trial_editor", "40"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("第2行 天数：须为1–28的整数")
			.contains("value=\"trial_editor\"")
			.contains("value=\"试用方案\"")
			.contains("name=\"stage.1.days\" value=\"40\"")
			.containsPattern("name=\"stage\\.0\\.test\" value=\"3\" checked")
			.containsPattern("name=\"stage\\.0\\.alt\" value=\"HOME_ISOLATION\" checked")
			.contains("data-field=\"stages[2].days\">第2行 天数：须为1–28的整数</li>");
		assertThat(catalogue.protocol("trial_editor")).isEmpty();

		// the preview lays out the draft from today, as a person's plan would be
		String preview = admin.postRaw("/control/protocols/preview", form("trial_editor", "3")).body();
		LocalDate today = LocalDate.now(clock);
		assertThat(preview).contains(today + " — " + today.plusDays(4))
			.contains(today.plusDays(5) + " — " + today.plusDays(7))
			.contains(today.plusDays(6).toString())
			.contains(today.plusDays(8).toString());
		assertThat(admin.postRaw("/control/protocols/preview", form("trial_editor", "0")).body())
			.contains("第2行 天数：须为1–28的整数");

		HttpResponse<String> saved = admin.postRaw("/control/protocols", form("trial_editor", "3"));
		assertThat(saved.statusCode()).isEqualTo(302);
		Protocol protocol = catalogue.protocol("trial_editor").orElseThrow();
		assertThat(protocol.name()).isEqualTo("试用方案");
		assertThat(protocol.stages()).containsExactly(
				new Protocol.Stage(MeasureKind.CENTRAL_ISOLATION, 5, List.of(1, 3, 5), List.of(MeasureKind.HOME_ISOLATION)),
				new Protocol.Stage(MeasureKind.HOME_HEALTH_MONITORING, 3, List.of(2)));
		assertThat(admin.get("/control/protocols?edit=trial_editor").body())
			.containsPattern("name=\"stage\\.1\\.test\" value=\"2\" checked");
	}

	@Test
	void aTestDayOutsideItsStageAndAMissingMeasureAreNamedByRow() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		admin.get("/control/protocols");
		String body = admin.postRaw("/control/protocols",
				"id=trial_rows&name=x&start=LAST_EXPOSURE&releaseRule=ALL_TESTS_NEGATIVE"
						+ "&stage.0.measure=&stage.0.days=7&stage.1.measure=SELF_MONITORING&stage.1.days=3&stage.1.test=9")
			.body();
		assertThat(body).contains("第1行 措施：须从列表中选择一项措施").contains("第2行 检测日：第9天不在3天的阶段内");
		assertThat(catalogue.protocol("trial_rows")).isEmpty();
	}

}
