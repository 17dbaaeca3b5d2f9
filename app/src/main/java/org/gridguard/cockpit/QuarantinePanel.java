package org.gridguard.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Centralized quarantine: rooms and their occupancy, transfers pending and overdue, admissions and releases of the
 * day. The module does not exist yet: the API answers {@code quarantine} with zeros and the panel is not shown.
 * When it lands, this class reads its figures and links them to its lists; nothing else in the cockpit changes.
 */
@Component
class QuarantinePanel implements CockpitPanel {

	@Override
	public String key() {
		return "quarantine";
	}

	@Override
	public int order() {
		return 500;
	}

	@Override
	public String titleKey() {
		return "cockpit.panel.quarantine";
	}

	@Override
	public PanelFigures figures(CockpitArea area) {
		var zeros = new LinkedHashMap<String, Object>();
		zeros.put("rooms", 0L);
		zeros.put("occupied", 0L);
		zeros.put("free", 0L);
		zeros.put("transfersPending", 0L);
		zeros.put("transfersOverdue", 0L);
		zeros.put("admittedToday", 0L);
		zeros.put("releasedToday", 0L);
		return new PanelFigures(Map.of("quarantine", zeros), List.of());
	}

	@Override
	public boolean shown() {
		return false;
	}

}
