package org.gridguard.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.gridguard.TestHttp;
import org.gridguard.platform.AuditLog;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in: a pause after repeated failures, audit of sign-ins, revocable API tokens, CSRF and security headers,
 * and the language switch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	@Test
	void fiveFailedSignInsPauseSignInFromThereUntilAnAdminUnlocksIt() {
		createAccount("locky", "locky-password");
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> failed = TestHttp.anonymous(port).login("locky", "wrong-" + i);
			assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=bad");
		}
		HttpResponse<String> locked = TestHttp.anonymous(port).login("locky", "locky-password");
		assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=locked");
		TestHttp anonymous = TestHttp.anonymous(port);
		anonymous.login("locky", "locky-password");
		assertThat(anonymous.get("/login?error=locked").body()).contains("已暂停从此处登录该账号");
		assertThat(TestHttp.anonymous(port)
			.api("GET", "/api/v1/regions/330784", null, TestHttp.basic("locky", "locky-password"))
			.statusCode()).isEqualTo(401);

		Account account = accounts.find("locky").orElseThrow();
		accounts.unlock(account.id(), Jurisdiction.system());
		TestHttp.signedIn(port, "locky", "locky-password");
	}

	@Test
	void signInsAndFailuresAreAudited() {
		createAccount("audited", "audited-password");
		TestHttp.anonymous(port).login("audited", "not-the-password");
		TestHttp.signedIn(port, "audited", "audited-password");
		var entries = audit.search(new AuditLog.AuditQuery("audited", null, null, null, null), new Paging(0, 50),
				java.time.ZoneId.of("Asia/Shanghai")).items();
		assertThat(entries).extracting(AuditLog.AuditEntry::action).contains("LOGIN_FAILED", "LOGIN");

		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		String page = admin.get("/audit?actor=audited&action=LOGIN_FAILED").body();
		assertThat(page).contains(">登录失败<").doesNotContain(">登录<");
	}

	@Test
	void anIssuedTokenAuthenticatesUntilItIsRevoked() {
		Account client = createAccount("feed-client", "feed-client-password");
		ApiToken.Issued issued = accounts.issueToken(client.id(), "province feed", 30, Jurisdiction.system());
		assertThat(issued.secret()).startsWith("gg_");
		String path = "/api/v1/regions/330784/children";
		assertThat(TestHttp.anonymous(port).api("GET", path, null, TestHttp.bearer(issued.secret())).statusCode())
			.isEqualTo(200);
		assertThat(TestHttp.anonymous(port).api("GET", path, null, TestHttp.bearer("gg_not-a-token")).statusCode())
			.isEqualTo(401);

		accounts.revokeToken(issued.token().id(), Jurisdiction.system());
		HttpResponse<String> revoked = TestHttp.anonymous(port).api("GET", path, null, TestHttp.bearer(issued.secret()));
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(revoked.body()).contains("authorization");
	}

	@Test
	void theAdminIssuesATokenOnTheAccountPageAndSeesItOnce() {
		Account client = createAccount("page-client", "page-client-password");
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> issued = admin.post("/accounts/" + client.id() + "/tokens", Map.of("name", "lab results"));
		assertThat(issued.statusCode()).isEqualTo(302);
		String once = admin.get("/accounts/" + client.id()).body();
		assertThat(once).contains("id=\"token-secret\"");
		String secret = once.replaceAll("(?s).*id=\"token-secret\"[^>]*>(gg_[^<]+)<.*", "$1");
		assertThat(secret).startsWith("gg_");
		assertThat(admin.get("/accounts/" + client.id()).body()).doesNotContain(secret);
		assertThat(TestHttp.anonymous(port).api("GET", "/api/v1/regions/330784", null, TestHttp.bearer(secret)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		HttpResponse<String> forged = admin.post("/regions/330784001001001/name", Map.of("name", "forged", "_csrf", "x"));
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void pagesCarrySecurityHeaders() {
		HttpResponse<String> login = TestHttp.anonymous(port).get("/login");
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
	}

	@Test
	void chineseIsTheDefaultAndEnglishIsOneClickAway() {
		TestHttp visitor = TestHttp.anonymous(port);
		assertThat(visitor.get("/login").body()).contains("登录").contains("lang=\"zh-CN\"");
		assertThat(visitor.get("/login?lang=en").body()).contains("Sign in").contains("lang=\"en\"");
		assertThat(visitor.get("/login").body()).as("the choice is remembered").contains("Sign in");
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() {
		HttpResponse<String> home = TestHttp.anonymous(port).get("/residents");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void aCommonPasswordIsRefusedWithAMessageNamingTheFieldInBothLanguages() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		admin.get("/accounts/new");
		Map<String, String> form = Map.of("username", "weak-choice", "displayName", "weak choice", "role",
				"EPIDEMIOLOGIST", "regionCode", "330784", "password", "password12");
		String chinese = admin.post("/accounts", form).body();
		assertThat(chinese).contains("id=\"form-problems\"").contains("该密码是常见密码");
		assertThat(accounts.find("weak-choice")).isEmpty();

		admin.get("/accounts/new?lang=en");
		String english = admin.post("/accounts", form).body();
		assertThat(english).contains("Password is a common one");
	}

	@Test
	void aTrivialNewPasswordIsRefusedWhenChangingOnesOwn() {
		createAccount("changer", "changer-password");
		TestHttp changer = TestHttp.signedIn(port, "changer", "changer-password");
		String page = changer.post("/account/password",
				Map.of("current", "changer-password", "password", "1234567890", "confirm", "1234567890")).body();
		assertThat(page).contains("密码不能是同一字符或短片段的重复");
		changer.get("/account/password?lang=en");
		page = changer.post("/account/password",
				Map.of("current", "changer-password", "password", "aaaaaaaaaa", "confirm", "aaaaaaaaaa")).body();
		assertThat(page).contains("Password may not be one character or a short pattern repeated");
		TestHttp.signedIn(port, "changer", "changer-password");
	}

	private Account createAccount(String username, String password) {
		return accounts.find(username)
			.orElseGet(() -> accounts.create(new NewAccount(username, username, null, Role.EPIDEMIOLOGIST, "330784", null,
					null, null, password, false), Jurisdiction.system()));
	}

}
