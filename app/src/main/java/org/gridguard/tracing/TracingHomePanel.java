package org.gridguard.tracing;

import java.util.List;

import org.gridguard.region.HomeItem;
import org.gridguard.region.HomePanel;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.Paging;

import org.springframework.stereotype.Component;

/** The CDC's part of the home page: the case investigations still open, the total of the list it links to. */
@Component
class TracingHomePanel implements HomePanel {

	private final InvestigationManagement investigations;

	TracingHomePanel(InvestigationManagement investigations) {
		this.investigations = investigations;
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public List<HomeItem> items(Jurisdiction who) {
		if (who.role() != Role.EPIDEMIOLOGIST) {
			return List.of();
		}
		long open = investigations.list(who, Investigation.State.OPEN, new Paging(0, 1)).total();
		return List.of(HomeItem.urgent("investigations-open", "home.tracing.open", open,
				"/tracing/investigations?state=" + Investigation.State.OPEN));
	}

}
