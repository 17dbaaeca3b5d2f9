package org.gridguard.venue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (picked up by the component scan of the shared test context): remembers every
 * {@link FlaggedPersonScanned} as it is published, so tests can see what the control loop will receive.
 */
@Component
public class FlaggedScans {

	public final List<FlaggedPersonScanned> seen = new CopyOnWriteArrayList<>();

	@EventListener
	void on(FlaggedPersonScanned event) {
		seen.add(event);
	}

}
