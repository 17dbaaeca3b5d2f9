package org.gridguard.control;

import org.gridguard.status.FactKind;
import org.jspecify.annotations.Nullable;

/**
 * Control measures (rules §1.5), from strictest to mildest. Message keys: {@code control.measure.<NAME>}.
 */
public enum MeasureKind {

	/** 集中隔离医学观察: designated site, single room, no going out; red. */
	CENTRAL_ISOLATION(FactKind.CENTRAL_ISOLATION, true),
	/** 居家隔离医学观察: own room and bathroom, no going out; red. */
	HOME_ISOLATION(FactKind.HOME_ISOLATION, true),
	/** 居家健康监测: at home, out only for necessity; yellow. */
	HOME_HEALTH_MONITORING(FactKind.HOME_HEALTH_MONITORING, false),
	/** 日常健康监测: "两点一线", no public places. */
	DAILY_HEALTH_MONITORING(FactKind.DAILY_HEALTH_MONITORING, false),
	/** 自我健康监测: free, self-reports twice a day. */
	SELF_MONITORING(null, false);

	private final @Nullable FactKind fact;

	private final boolean isolation;

	MeasureKind(@Nullable FactKind fact, boolean isolation) {
		this.fact = fact;
		this.isolation = isolation;
	}

	/** The status fact a person under this measure carries, if any. */
	public @Nullable FactKind fact() {
		return fact;
	}

	/** Whether the person may not leave the isolation place (a venue scan is then a violation). */
	public boolean isolation() {
		return isolation;
	}

}
