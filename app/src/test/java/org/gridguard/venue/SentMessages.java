package org.gridguard.venue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gridguard.platform.MessageGateway;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Test-only message gateway (picked up by the component scan of the shared test context): remembers every text
 * message instead of sending it, so tests can see who would have been woken by SMS.
 */
@Component
@Primary
public class SentMessages implements MessageGateway {

	/** One text to some mobiles. */
	public record Sent(List<String> mobiles, String text) {
	}

	public final List<Sent> sent = new CopyOnWriteArrayList<>();

	@Override
	public void send(List<String> mobiles, String text) {
		sent.add(new Sent(List.copyOf(mobiles), text));
	}

	/** The texts sent so far that contain {@code part}. */
	public List<Sent> containing(String part) {
		return sent.stream().filter(s -> s.text().contains(part)).toList();
	}

}
