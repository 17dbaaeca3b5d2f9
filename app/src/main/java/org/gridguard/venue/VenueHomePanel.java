package org.gridguard.venue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.region.HomeItem;
import org.gridguard.region.HomePanel;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Role;
import org.gridguard.shared.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The venues' part of the home pages. A venue manager: today's check-ins at the venue, those refused at the door and
 * those of red persons, each the total of the visitor log it links to; a sector department: the venues it answers for.
 */
@Component
@Transactional(readOnly = true)
class VenueHomePanel implements HomePanel {

	private static final Paging FIRST = new Paging(0, 1);

	private final VenueManagement venues;

	private final JdbcClient jdbc;

	private final Clock clock;

	VenueHomePanel(VenueManagement venues, JdbcClient jdbc, Clock clock) {
		this.venues = venues;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 300;
	}

	@Override
	public List<HomeItem> items(Jurisdiction who) {
		var items = new ArrayList<HomeItem>();
		Long venue = who.venueId();
		if (who.role() == Role.VENUE_MANAGER && venue != null) {
			LocalDate today = LocalDate.now(clock);
			String log = "/venues/" + venue + "/visits";
			items.add(HomeItem.of("scans-today", "home.venue.scansToday", visits(venue, today, null, who), log));
			items.add(HomeItem.urgent("refused-today", "home.venue.refusedToday",
					visits(venue, today, Visit.Only.REFUSED, who), log + "?only=" + Visit.Only.REFUSED));
			items.add(HomeItem.urgent("red-today", "home.venue.redToday", visits(venue, today, Visit.Only.RED, who),
					log + "?only=" + Visit.Only.RED));
		}
		else if (who.role() == Role.DEPARTMENT) {
			items.add(HomeItem.of("venues", "home.venue.venues",
					venues.search(who, new VenueQuery(null, null, null, null), FIRST).total(), "/venues"));
		}
		return items;
	}

	private long visits(long venue, LocalDate day, Visit.@org.jspecify.annotations.Nullable Only only, Jurisdiction who) {
		return venues.visitList(venue, day, day, only, who).page(jdbc, FIRST).total();
	}

}
