package org.gridguard.response;

import java.time.Clock;
import java.util.List;

import org.gridguard.shared.PageResult;
import org.gridguard.shared.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's response level as every module and page reads it: the change in force now (held in memory, see
 * {@link ResponseState}), the changes scheduled for later, and the history.
 */
@Service
@Transactional(readOnly = true)
public class ResponseLevels {

	private final ResponseState state;

	private final JdbcClient jdbc;

	private final Clock clock;

	ResponseLevels(ResponseState state, JdbcClient jdbc, Clock clock) {
		this.state = state;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The change in force now: its level, since when and why. */
	public LevelChange current() {
		return state.levelAt(clock.instant());
	}

	/** Changes recorded to take effect later, soonest first. */
	public List<LevelChange> scheduled() {
		return state.scheduledAfter(clock.instant());
	}

	/** Every change, cancelled ones included, the latest effective time first. */
	public PageResult<LevelChange> history(Paging paging) {
		return org.gridguard.platform.PagedQuery.page(jdbc, "*", "response_level_change", List.of(),
				"since DESC, id DESC", (rs, i) -> ResponseState.change(rs), paging);
	}

}
