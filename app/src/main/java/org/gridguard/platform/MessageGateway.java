package org.gridguard.platform;

import java.util.List;

/**
 * Where a text message to phones would go (an SMS gateway in production). The default implementation only logs;
 * a deployment supplies its own bean to replace it.
 */
public interface MessageGateway {

	/**
	 * Sends a short text to mobile numbers. Must not throw: a gateway failure must not roll back the business change
	 * that caused the message.
	 */
	void send(List<String> mobiles, String text);

}
