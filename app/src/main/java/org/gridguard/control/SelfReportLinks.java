package org.gridguard.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.gridguard.person.PersonManagement;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.Notifications;
import org.gridguard.platform.PublicAddress;
import org.gridguard.shared.PhoneNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal links for self-reporting health checks ({@code /p/{token}} under the public address,
 * {@code gridguard.public-url}): only a hash of the token is stored, so a link is shown once, to whoever issued it,
 * and sent by SMS (through {@link Notifications}, audited) when the measure starts or when the worker asks.
 */
@Service
@Transactional
public class SelfReportLinks {

	static final String SMS_ACTION = "SELF_REPORT_LINK_SMS";

	private final JdbcClient jdbc;

	private final PersonManagement persons;

	private final Messages messages;

	private final PublicAddress address;

	private final Notifications notifications;

	private final SecureRandom random = new SecureRandom();

	SelfReportLinks(JdbcClient jdbc, PersonManagement persons, Messages messages, PublicAddress address,
			Notifications notifications) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.messages = messages;
		this.address = address;
		this.notifications = notifications;
	}

	/** A link just issued: the token (to send it later) and the full address the person opens. */
	public record Link(String token, String url) {
	}

	/** Issues (or re-issues) the personal link of a person under control; an earlier link stops working. */
	public Link issue(RiskPerson person) {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("UPDATE control_risk_person SET self_token_hash = ? WHERE id = ?")
			.params(hashToken(token), person.id())
			.update();
		return new Link(token, url(token));
	}

	/** Issues the personal link and sends it to the person's mobile, if one is known (when the measure starts). */
	public Link issueAndSend(RiskPerson person) {
		Link link = issue(person);
		persons.phoneOf(person.personId()).ifPresent(phone -> sendTo(person, phone, link.url()));
		return link;
	}

	/**
	 * Sends the person's current link to their mobile again.
	 * @param token the token of the link, which must be the one issued last
	 * @return the mobile it went to, masked
	 * @throws InvalidInput naming {@code token} for a link that is not the person's current one, or {@code phone}
	 * when no mobile number is known
	 */
	public String send(RiskPerson person, String token) {
		boolean current = jdbc.sql("SELECT count(*) FROM control_risk_person WHERE id = ? AND self_token_hash = ?")
			.params(person.id(), hashToken(token))
			.query(Integer.class)
			.single() > 0;
		if (!current) {
			throw InvalidInput.of("token", messages.get("control.selfReport.notCurrent"));
		}
		String phone = persons.phoneOf(person.personId())
			.orElseThrow(() -> InvalidInput.of("phone", messages.get("control.selfReport.noPhone")));
		sendTo(person, phone, url(token));
		PhoneNumber.Parsed parsed = PhoneNumber.parse(phone);
		return parsed.phone() == null ? "" : parsed.phone().masked();
	}

	private void sendTo(RiskPerson person, String phone, String url) {
		notifications.sms(SMS_ACTION, "risk_person", String.valueOf(person.id()), List.of(phone),
				messages.get("control.selfReport.sms", url));
	}

	/** The full address of a link. */
	public String url(String token) {
		return address.link("/p/" + token);
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
