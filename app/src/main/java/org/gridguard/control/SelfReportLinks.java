package org.gridguard.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.gridguard.person.PersonManagement;
import org.gridguard.platform.MessageGateway;
import org.gridguard.platform.Messages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal links for self-reporting health checks ({@code /p/{token}}): only a hash of the token is stored, and the
 * link is sent to the person's phone through the message gateway.
 */
@Service
@Transactional
public class SelfReportLinks {

	private final JdbcClient jdbc;

	private final PersonManagement persons;

	private final Messages messages;

	private final String baseUrl;

	private final ObjectProvider<MessageGateway> gateway;

	private final SecureRandom random = new SecureRandom();

	SelfReportLinks(JdbcClient jdbc, PersonManagement persons, Messages messages,
			@Value("${gridguard.public-url:http://localhost:8080}") String baseUrl, ObjectProvider<MessageGateway> gateway) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.messages = messages;
		this.baseUrl = baseUrl;
		this.gateway = gateway;
	}

	/** Issues (or re-issues) the personal link for self-reporting, and sends it to the person's phone. */
	public String issue(RiskPerson person, Instant now) {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("UPDATE control_risk_person SET self_token_hash = ? WHERE id = ?")
			.params(hashToken(token), person.id())
			.update();
		String link = baseUrl + "/p/" + token;
		persons.phoneOf(person.personId()).ifPresent(phone -> {
			try {
				gateway.ifAvailable(g -> g.send(List.of(phone), messages.get("control.selfReport.sms", link)));
			}
			catch (RuntimeException ex) {
				// the link is also shown to the grid worker; a gateway failure must not undo the verification
			}
		});
		return token;
	}

	static byte[] hashToken(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
