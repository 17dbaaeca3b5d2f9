package org.gridguard.control;

import java.time.Instant;

/**
 * A risk person left control (published after commit): released, turned positive (a case, to medical care), or
 * pushed on elsewhere. Modules carrying out a measure for them stop: e.g. a pending transfer to a quarantine site is
 * cancelled.
 */
public record ControlEnded(long riskPersonId, long personId, RiskPerson.State state, Instant at) {
}
