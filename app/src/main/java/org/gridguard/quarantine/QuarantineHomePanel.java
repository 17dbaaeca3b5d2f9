package org.gridguard.quarantine;

import java.util.List;

import org.gridguard.region.HomeItem;
import org.gridguard.region.HomePanel;
import org.gridguard.region.Jurisdiction;

import org.springframework.stereotype.Component;

/** Site staff's part of the home page: the people staying at their site now, the list it links to. */
@Component
class QuarantineHomePanel implements HomePanel {

	private final SiteQueries queries;

	QuarantineHomePanel(SiteQueries queries) {
		this.queries = queries;
	}

	@Override
	public int order() {
		return 400;
	}

	@Override
	public List<HomeItem> items(Jurisdiction who) {
		Long site = who.workSite();
		if (site == null) {
			return List.of();
		}
		return List.of(HomeItem.of("site-residents", "home.quarantine.residents", queries.residents(site).size(),
				"/quarantine/sites/" + site + "/residents"));
	}

}
