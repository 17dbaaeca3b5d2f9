package org.gridguard.gathering;

import java.util.List;

import org.gridguard.region.HomeItem;
import org.gridguard.region.HomePanel;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.Paging;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events' part of the home pages. An organizer: its unit's events awaiting a decision, refused, approved and
 * running today, each the total of the events list it links to, filtered the same way.
 */
@Component
@Transactional(readOnly = true)
class GatheringHomePanel implements HomePanel {

	private static final Paging FIRST = new Paging(0, 1);

	private final GatheringQueries queries;

	GatheringHomePanel(GatheringQueries queries) {
		this.queries = queries;
	}

	@Override
	public int order() {
		return 350;
	}

	@Override
	public List<HomeItem> items(Jurisdiction who) {
		if (who.role() != Role.ORGANIZER) {
			return List.of();
		}
		return List.of(
				HomeItem.of("events-pending", "home.gathering.pending", state(Gathering.State.PENDING, who),
						"/events?state=PENDING"),
				HomeItem.of("events-refused", "home.gathering.refused", state(Gathering.State.REFUSED, who),
						"/events?state=REFUSED"),
				HomeItem.of("events-approved", "home.gathering.approved", state(Gathering.State.APPROVED, who),
						"/events?state=APPROVED"),
				HomeItem.of("events-today", "home.gathering.today",
						count(new GatheringQueries.Filter(null, true, false, false), who), "/events?today=true"));
	}

	private long state(Gathering.State state, Jurisdiction who) {
		return count(new GatheringQueries.Filter(state, false, false, false), who);
	}

	private long count(GatheringQueries.Filter filter, Jurisdiction who) {
		return queries.page(filter, who, FIRST).total();
	}

}
