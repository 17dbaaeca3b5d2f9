package org.gridguard.cockpit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.gridguard.control.Category;
import org.gridguard.control.RiskPerson;
import org.gridguard.control.Violation;

import org.springframework.stereotype.Component;

/**
 * The control loop: risk persons under control by category and state, open verification tasks (overdue, escalated
 * past the grid) and everyone at risk of dropping out of control, by reason. Lists behind them: the risk-person list
 * ({@code active=true}, {@code category}, {@code state}), the task list ({@code open}, {@code overdue},
 * {@code escalated}) and the unmanaged list ({@code kind}). The figures are sums over the places of the area
 * ({@link ControlFigures}).
 */
@Component
class ControlPanel implements CockpitPanel {

	static final String BY_CATEGORY = "cockpit.control.byCategory";

	static final String BY_STATE = "cockpit.control.byState";

	static final String BY_REASON = "cockpit.control.byReason";

	private final ControlFigures control;

	ControlPanel(ControlFigures control) {
		this.control = control;
	}

	@Override
	public String key() {
		return "control";
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public String titleKey() {
		return "cockpit.panel.control";
	}

	@Override
	public PanelFigures figures(CockpitArea area) {
		ControlFigures.Counts counts = control.counts(area.code());
		long unmanaged = counts.unmanaged();

		var figures = new ArrayList<Figure>();
		figures.add(Figure.headline("riskPersons.total", "cockpit.control.active", counts.active(),
				area.link("/control/risk-persons", "active", "true")));
		figures.add(Figure.headline("tasks.open", "cockpit.control.tasksOpen", counts.open(),
				area.link("/control/tasks", "open", "true")));
		figures.add(Figure.alarm("tasks.overdue", "cockpit.control.tasksOverdue", counts.overdue(),
				area.link("/control/tasks", "open", "true", "overdue", "true")));
		figures.add(Figure.alarm("tasks.escalated", "cockpit.control.tasksEscalated", counts.escalated(),
				area.link("/control/tasks", "open", "true", "escalated", "true")));
		figures.add(Figure.alarm("unmanaged", "cockpit.control.unmanaged", unmanaged, area.link("/control/unmanaged")));
		var byCategory = new LinkedHashMap<String, Long>();
		for (Category c : Category.values()) {
			long n = counts.activeByCategory().getOrDefault(c, 0L);
			byCategory.put(c.name(), n);
			figures.add(Figure.detail(BY_CATEGORY, "riskPersons.byCategory." + c, "control.category." + c, n,
					area.link("/control/risk-persons", "active", "true", "category", c.name())));
		}
		var byState = new LinkedHashMap<String, Long>();
		for (RiskPerson.State s : RiskPerson.State.values()) {
			long n = counts.byState().getOrDefault(s, 0L);
			byState.put(s.name(), n);
			figures.add(Figure.detail(BY_STATE, "riskPersons.byState." + s, "control.state." + s, n,
					area.link("/control/risk-persons", "state", s.name())));
		}
		var byReason = new LinkedHashMap<String, Long>();
		for (Violation.Kind k : Violation.Kind.values()) {
			long n = counts.reasons().getOrDefault(k, 0L);
			byReason.put(k.name(), n);
			figures.add(Figure.detail(BY_REASON, "unmanagedByReason." + k, "control.violation." + k, n,
					area.link("/control/unmanaged", "kind", k.name())));
		}

		var api = new LinkedHashMap<String, Object>();
		var riskPersons = new LinkedHashMap<String, Object>();
		riskPersons.put("total", counts.active());
		riskPersons.put("byCategory", byCategory);
		riskPersons.put("byState", byState);
		api.put("riskPersons", riskPersons);
		var open = new LinkedHashMap<String, Object>();
		open.put("open", counts.open());
		open.put("overdue", counts.overdue());
		open.put("escalated", counts.escalated());
		api.put("tasks", open);
		api.put("unmanaged", unmanaged);
		api.put("unmanagedByReason", byReason);
		return new PanelFigures(api, figures);
	}

	@Override
	public List<Series> trends(CockpitArea area, LocalDate from) {
		return List.of(new Series("riskPersonsPushed", "cockpit.trend.pushed",
				Series.byDay(control.pushedPerDay(area.code(), from)), false, null));
	}

	@Override
	public List<Series> byArea(CockpitArea area, int codeLength) {
		var active = new java.util.HashMap<String, Long>();
		var overdue = new java.util.HashMap<String, Long>();
		var unmanaged = new java.util.HashMap<String, Long>();
		control.byArea(area.code(), codeLength).forEach((code, counts) -> {
			active.put(code, counts[0]);
			overdue.put(code, counts[1]);
			unmanaged.put(code, counts[2]);
		});
		return List.of(new Series("riskPersons.total", "cockpit.control.active", active, false,
				"/control/risk-persons?active=true"),
				new Series("tasks.overdue", "cockpit.control.tasksOverdue", overdue, true,
						"/control/tasks?open=true&overdue=true"),
				new Series("unmanaged", "cockpit.control.unmanaged", unmanaged, true, "/control/unmanaged"));
	}

}
