package org.gridguard.testing;

import java.util.List;

/**
 * Results were recorded (one event per batch or import). Only results new to GridGuard are listed; a result posted
 * twice is announced once.
 */
public record TestResultsRecorded(List<TestResult> results) {
}
