package org.gridguard.account;

import java.util.ArrayList;
import java.util.List;

import org.gridguard.TestHttp;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins pause the source they come from, never the account for everyone, and the answers do not tell
 * whether a name belongs to an account. Each test signs in from loopback addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInLockOutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void failuresFromOneSourcePauseThatSourceOnlyAndTheOwnerSignsInFromAnother() {
		createAccount("two-places", "two-places-password");
		FromAddress attacker = new FromAddress("127.0.0.2", port);
		for (int i = 0; i < 5; i++) {
			assertThat(attacker.login("two-places", "guess-" + i).header("Location")).endsWith("/login?error=bad");
		}
		assertThat(attacker.login("two-places", "two-places-password").header("Location"))
			.as("the attacker's source is paused, even with the right password")
			.endsWith("/login?error=locked");

		FromAddress owner = new FromAddress("127.0.0.3", port);
		FromAddress.Response signedIn = owner.login("two-places", "two-places-password");
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).doesNotContain("error");
		assertThat(owner.get("/account/password").status()).isEqualTo(200);
		assertThat(owner.api("GET", "/api/v1/regions/330784/children", TestHttp.basic("two-places", "two-places-password"))
			.status()).isEqualTo(200);
	}

	@Test
	void anonymousBasicRequestsCannotLockTheAdminOut() {
		FromAddress anonymous = new FromAddress("127.0.0.4", port);
		for (int i = 0; i < 20; i++) {
			assertThat(anonymous.api("GET", "/api/v1/regions/330784/children", TestHttp.basic("admin", "guess-" + i))
				.status()).isEqualTo(401);
		}
		TestHttp.signedIn(port, "admin", "admin-test-password");
		assertThat(TestHttp.anonymous(port)
			.api("GET", "/api/v1/regions/330784/children", null, TestHttp.basic("admin", "admin-test-password"))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void theOfficerSeesThePausedSourceAndLiftsIt() {
		Account account = createAccount("paused-here", "paused-here-password");
		FromAddress source = new FromAddress("127.0.0.5", port);
		for (int i = 0; i < 5; i++) {
			source.login("paused-here", "guess-" + i);
		}
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		String page = admin.get("/accounts/" + account.id()).body();
		assertThat(page).contains("id=\"sign-in-locks\"").contains("127.0.0.5");

		admin.post("/accounts/" + account.id() + "/unlock", java.util.Map.of());
		assertThat(source.login("paused-here", "paused-here-password").header("Location")).doesNotContain("error");
		assertThat(admin.get("/accounts/" + account.id()).body()).doesNotContain("id=\"sign-in-locks\"");
	}

	@Test
	void theSignInFormAnswersAnUnknownNameAsAWrongPassword() {
		createAccount("known-name", "known-name-password");
		Account disabled = createAccount("disabled-name", "disabled-name-password");
		accounts.setEnabled(disabled.id(), false, Jurisdiction.system());
		FromAddress prober = new FromAddress("127.0.0.6", port);
		List<String> known = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		List<String> off = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			known.add(answer(prober.login("known-name", "guess-" + i)));
			unknown.add(answer(prober.login("no-such-name", "guess-" + i)));
			off.add(answer(prober.login("disabled-name", "guess-" + i)));
		}
		assertThat(known).as("a known name with a wrong password").isEqualTo(unknown);
		assertThat(off).as("a disabled account with a wrong password").isEqualTo(unknown);
		assertThat(unknown).contains("302 /login?error=bad", "302 /login?error=locked");
	}

	@Test
	void theApiAnswersAnUnknownNameAsAWrongPassword() {
		createAccount("known-client", "known-client-password");
		FromAddress prober = new FromAddress("127.0.0.7", port);
		String path = "/api/v1/regions/330784/children";
		for (int i = 0; i < 8; i++) {
			FromAddress.Response known = prober.api("GET", path, TestHttp.basic("known-client", "guess-" + i));
			FromAddress.Response unknown = prober.api("GET", path, TestHttp.basic("no-such-client", "guess-" + i));
			assertThat(known.status()).isEqualTo(401).isEqualTo(unknown.status());
			assertThat(known.body()).isEqualTo(unknown.body());
			assertThat(known.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));
		}
	}

	private static String answer(FromAddress.Response response) {
		String location = response.header("Location");
		return response.status() + " " + location.substring(location.indexOf("/login"));
	}

	private Account createAccount(String username, String password) {
		return accounts.find(username)
			.orElseGet(() -> accounts.create(new NewAccount(username, username, null, Role.EPIDEMIOLOGIST, "330784", null,
					null, null, password, false), Jurisdiction.system()));
	}

}
