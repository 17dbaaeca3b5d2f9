package org.gridguard.cockpit;

import org.springframework.stereotype.Component;

/**
 * The city's response level as the cockpit shows it ({@code NORMAL}, {@code IV} … {@code I}). Until a response module
 * exists the city is in normal times; when it lands, {@link #current()} reads the level from it (one line).
 */
@Component
class ResponseLevel {

	String current() {
		return "NORMAL";
	}

}
