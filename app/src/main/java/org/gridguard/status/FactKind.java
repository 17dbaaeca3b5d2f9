package org.gridguard.status;

/**
 * Kinds of fact that bear on a person's colour. The colour each kind gives is configuration ({@code status_rule});
 * the defaults follow the Zhejiang health-code rules: red while a case, positive, under isolation, or determined a
 * close or secondary contact; yellow under home health monitoring, as a spacetime companion, with symptoms, after a
 * medium-risk area, or when a routine test is overdue. Message keys: {@code status.fact.<NAME>}.
 */
public enum FactKind {

	CONFIRMED_CASE, POSITIVE_TEST, CENTRAL_ISOLATION, HOME_ISOLATION, CLOSE_CONTACT, SECONDARY_CONTACT, HIGH_RISK_AREA,
	HOME_HEALTH_MONITORING, SPACETIME_COMPANION, MID_RISK_AREA, SYMPTOMS, ROUTINE_TEST_OVERDUE, DAILY_HEALTH_MONITORING,
	LOW_RISK_AREA, PROVINCIAL_RED, PROVINCIAL_YELLOW, MANUAL_RED, MANUAL_YELLOW,
	/** A pooled sample (混采) tested positive: every member is retested alone. */
	POOL_POSITIVE

}
