package org.gridguard.control;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.gridguard.TestHttp;
import org.gridguard.TestIds;
import org.gridguard.person.IdType;
import org.gridguard.person.NewResident;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.gridguard.venue.SentMessages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal report link as a grid worker hands it out: the full address (under the public address), a QR code of
 * it that a phone can read, a copy button, and "send by SMS" to the person's mobile, audited; the SMS sent when the
 * measure starts carries the full address too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SelfReportLinkIntegrationTests {

	private static final String GRID = "330784001001001"; // the demo account "grid" works here

	private static final Pattern LINK = Pattern.compile("id=\"self-link\">([^<]+)<");

	private static final Pattern QR = Pattern.compile("id=\"self-link-qr\" src=\"data:image/png;base64,([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	Registrations registrations;

	@Autowired
	Verifications verifications;

	@Autowired
	ControlQueries queries;

	@Autowired
	SentMessages sms;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theGridWorkerShowsTheLinkAsAFullAddressWithAQrCodeAndSendsItBySms() throws Exception {
		Person person = persons.createResident(new NewResident("链接甲", IdType.RESIDENT_ID, TestIds.resident(),
				"13905791234", GRID, "园丁社区 3 幢", null), Jurisdiction.system());
		long id = registrations.registerAll(List.of(new Pushed(person.id(), person.name(), Category.SPACETIME_COMPANION,
				new Placement(Placement.Kind.GRID, GRID, null), "test", null, null, null, Instant.now())), "test")
			.riskPersonIds()[0];
		long task = queries.tasksOf(id).stream().filter(t -> t.state().open()).findFirst().orElseThrow().id();
		verifications.complete(task, new Verification(Outcome.CONTROLLED, true, null, null, null), Jurisdiction.system());
		String base = "http://localhost:" + port;
		// the measure starts: the person's mobile gets the link, a full address
		assertThat(sms.sent).anySatisfy(s -> {
			assertThat(s.mobiles()).containsExactly("13905791234");
			assertThat(s.text()).contains(base + "/p/");
		});

		TestHttp worker = TestHttp.signedIn(port, "grid", "demo-test-password");
		worker.get("/control/risk-persons/" + id);
		HttpResponse<String> issued = worker.post("/control/risk-persons/" + id + "/link", Map.of());
		assertThat(issued.statusCode()).isEqualTo(302);
		String page = worker.get("/control/risk-persons/" + id).body();
		Matcher link = LINK.matcher(page);
		assertThat(link.find()).as("the link on the page").isTrue();
		String url = link.group(1);
		assertThat(url).startsWith(base + "/p/");
		Matcher qr = QR.matcher(page);
		assertThat(qr.find()).as("the QR code on the page").isTrue();
		assertThat(decode(Base64.getDecoder().decode(qr.group(1)))).isEqualTo(url);
		assertThat(page).contains("data-copy=\"#self-link\"").contains("短信发送给本人");
		// the link opens the person's report form
		assertThat(TestHttp.anonymous(port).get(url.substring(base.length())).body()).contains("每日健康上报");

		String token = url.substring(url.lastIndexOf('/') + 1);
		int before = sms.containing(url).size();
		worker.post("/control/risk-persons/" + id + "/link/sms", Map.of("token", token));
		String sent = worker.get("/control/risk-persons/" + id).body();
		assertThat(sent).contains("已发送到 139****1234").contains(url);
		assertThat(sms.containing(url)).hasSize(before + 1)
			.last()
			.satisfies(s -> assertThat(s.mobiles()).containsExactly("13905791234"));
		assertThat(jdbc.sql("SELECT actor FROM platform_audit_event WHERE action = 'SELF_REPORT_LINK_SMS' "
				+ "AND subject_id = ? ORDER BY id DESC LIMIT 1")
			.param(String.valueOf(id))
			.query(String.class)
			.single()).isEqualTo("grid");

		// a link replaced by a newer one is not sent any more
		worker.post("/control/risk-persons/" + id + "/link", Map.of());
		worker.get("/control/risk-persons/" + id);
		worker.post("/control/risk-persons/" + id + "/link/sms", Map.of("token", token));
		assertThat(worker.get("/control/risk-persons/" + id).body()).contains("该链接已被新链接取代");
		assertThat(sms.containing(url)).hasSize(before + 1);
	}

	private static String decode(byte[] png) throws IOException, com.google.zxing.NotFoundException,
			com.google.zxing.ChecksumException, com.google.zxing.FormatException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
	}

}
