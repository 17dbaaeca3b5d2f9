package org.gridguard.control;

import java.util.ArrayList;
import java.util.List;

import org.gridguard.region.HomeItem;
import org.gridguard.region.HomePanel;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.Paging;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The control loop's part of the home pages. A grid worker: open tasks, overdue tasks, health checks missing; a
 * village or town officer: the queue, overdue tasks, everyone at risk of dropping out of control in the area; the city
 * command: the loop's totals. Each count is the total of the list it links to, asked with the same filter.
 */
@Component
@Transactional(readOnly = true)
class ControlHomePanel implements HomePanel {

	private static final Paging FIRST = new Paging(0, 1);

	private final ControlQueries queries;

	private final UnmanagedDetector detector;

	ControlHomePanel(ControlQueries queries, UnmanagedDetector detector) {
		this.queries = queries;
		this.detector = detector;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public List<HomeItem> items(Jurisdiction who) {
		var items = new ArrayList<HomeItem>();
		Role role = who.role();
		if (role == Role.GRID_WORKER) {
			items.add(HomeItem.of("tasks-open", "home.control.tasksOpen", tasks(who, false), "/control/tasks"));
			items.add(overdue(who));
			items.add(HomeItem.urgent("checks-missing", "home.control.checksMissing",
					detector.open(who, Violation.Kind.CHECK_MISSING, FIRST).total(),
					"/control/unmanaged?kind=" + Violation.Kind.CHECK_MISSING));
		}
		else if (role == Role.VILLAGE_OFFICER || role == Role.TOWN_OFFICER || role == Role.CITY_ADMIN) {
			if (role == Role.CITY_ADMIN) {
				items.add(HomeItem.of("risk-persons", "home.control.riskPersons",
						queries.riskPersons(new ControlQueries.RiskPersonFilter(null, null, null, null, null, true), who,
								FIRST)
							.total(),
						"/control/risk-persons?active=true"));
				items.add(HomeItem.of("tasks-open", "home.control.tasksOpen", tasks(who, false), "/control/tasks"));
			}
			items.add(HomeItem.urgent("queue", "home.control.queue", queries.queue(who, FIRST).total(), "/control/queue"));
			items.add(overdue(who));
			items.add(HomeItem.urgent("unmanaged", "home.control.unmanaged", detector.open(who, null, FIRST).total(),
					"/control/unmanaged"));
		}
		return items;
	}

	private HomeItem overdue(Jurisdiction who) {
		return HomeItem.urgent("tasks-overdue", "home.control.tasksOverdue", tasks(who, true),
				"/control/tasks?open=true&overdue=true");
	}

	private long tasks(Jurisdiction who, boolean overdue) {
		return queries.tasks(new ControlQueries.TaskFilter(null, true, overdue, null, false), who, FIRST).total();
	}

}
