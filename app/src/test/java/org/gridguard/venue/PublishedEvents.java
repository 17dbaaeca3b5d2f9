package org.gridguard.venue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (picked up by the component scan of the shared test context): remembers the venue module's
 * events as they are published, so tests can see what the control loop will receive.
 */
@Component
public class PublishedEvents {

	public final List<FlaggedPersonScanned> flagged = new CopyOnWriteArrayList<>();

	public final List<SentinelPurchaseRecorded> purchases = new CopyOnWriteArrayList<>();

	@EventListener
	void on(FlaggedPersonScanned event) {
		flagged.add(event);
	}

	@EventListener
	void on(SentinelPurchaseRecorded event) {
		purchases.add(event);
	}

}
