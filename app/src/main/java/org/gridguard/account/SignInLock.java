package org.gridguard.account;

import java.time.Instant;

/**
 * Sign-in to an account from one source is paused after repeated failures from there.
 *
 * @param source the client address (an IPv6 client's /64 network)
 * @param failures failed sign-ins in a row from there
 * @param until when the pause ends
 */
public record SignInLock(String source, int failures, Instant until) {
}
