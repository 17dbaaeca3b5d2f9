package org.gridguard.control;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Findings of "someone may be dropping out of control" that another module knows and the control loop does not: e.g.
 * a quarantine site reports persons whose transfer to central isolation is past its deadline. Modules above control
 * implement it; the {@link UnmanagedDetector} collects every bean at each run, and a finding that is no longer reported
 * resolves itself like any other violation.
 */
public interface UnmanagedFindings {

	/** Everything this source finds now; cheap enough to run every minute. */
	List<Finding> find(Instant now);

	/**
	 * @param ref distinguishes findings of one kind for the same person (e.g. the transfer order's id)
	 * @param regionCode the grid (or queue) that answers for the person, for escalation
	 * @param detail shown with the reason, e.g. the site's name
	 */
	record Finding(long riskPersonId, Violation.Kind kind, String ref, String regionCode, Instant since,
			@Nullable String detail) {
	}

}
