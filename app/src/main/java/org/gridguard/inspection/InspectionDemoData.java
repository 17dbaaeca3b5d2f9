package org.gridguard.inspection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gridguard.platform.DemoDataContributor;
import org.gridguard.platform.ListQuery;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.gridguard.region.Role;
import org.gridguard.shared.Sector;
import org.gridguard.venue.Venue;
import org.gridguard.venue.VenueManagement;
import org.gridguard.venue.VenueQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Three weeks of inspections of the demo places: every fifth place visited once or twice, by the department of its
 * sector (商务局, 卫健局) or the city command; about one item in eight fails. Orders from the first two weeks were
 * mostly answered and closed at re-inspection (a few reopened), some are overdue without an answer, and the last
 * week's are open. Times are moved back after each step, as the inspections were made today.
 */
@Component
class InspectionDemoData implements DemoDataContributor {

	private final Inspections inspections;

	private final Rectifications rectifications;

	private final VenueManagement venues;

	private final JdbcClient jdbc;

	InspectionDemoData(Inspections inspections, Rectifications rectifications, VenueManagement venues,
			JdbcClient jdbc) {
		this.inspections = inspections;
		this.rectifications = rectifications;
		this.venues = venues;
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "inspection.demo.v1";
	}

	@Override
	public int order() {
		return 750;
	}

	@Override
	public void load() {
		Jurisdiction system = Jurisdiction.system();
		ListQuery<Venue> query = venues.searchList(system, new VenueQuery(null, null, null, null));
		List<Venue> all = jdbc.sql("SELECT " + query.columns() + " FROM " + query.from() + " ORDER BY v.id")
			.params(query.params())
			.query(query.rows())
			.list();
		var random = new Random(17);
		for (int n = 0; n < all.size(); n += 5) {
			Venue venue = all.get(n);
			int visits = random.nextInt(3) == 0 ? 2 : 1;
			for (int visit = 0; visit < visits; visit++) {
				int daysAgo = visit == 0 ? 1 + random.nextInt(20) : random.nextInt(2);
				inspect(venue, inspectorOf(venue), Duration.ofDays(daysAgo).plusHours(random.nextInt(6)), random);
			}
		}
	}

	private void inspect(Venue venue, Jurisdiction inspector, Duration ago, Random random) {
		var marks = new ArrayList<Inspections.ItemResult>();
		for (ChecklistItem item : inspections.checklistOf(venue)) {
			boolean passed = random.nextInt(8) != 0;
			marks.add(new Inspections.ItemResult(item.code(), passed, passed ? null : "现场发现问题，已当场指出"));
		}
		Inspections.Submitted submitted = inspections.submit(venue.id(), marks, List.of(), inspector);
		moveBack("inspection", "inspected_at", "id = ?", submitted.id(), ago);
		moveBack("inspection_order", "opened_at", "inspection_id = ?", submitted.id(), ago);
		moveBack("inspection_order", "due_at", "inspection_id = ?", submitted.id(), ago);
		long days = ago.toDays();
		for (RectificationOrder order : submitted.orders()) {
			int fate = random.nextInt(10);
			if (days < 7 || fate >= 8) {
				continue; // open, or overdue when its deadline has passed
			}
			Jurisdiction manager = Jurisdiction.system();
			rectifications.answer(order.id(), "已按要求整改，附整改后照片", List.of(), manager);
			boolean passed = fate != 0;
			rectifications.reinspect(order.id(), passed, passed ? "复查合格" : "仍未整改到位", List.of(), inspector);
			Duration later = ago.minusDays(2);
			moveBack("inspection_order", "evidence_at", "id = ?", order.id(), later);
			moveBack("inspection_order", "closed_at", "id = ?", order.id(), later);
			moveBack("inspection", "inspected_at", "reinspects = ?", order.id(), later);
		}
	}

	private void moveBack(String table, String column, String where, long id, Duration ago) {
		jdbc.sql("UPDATE " + table + " SET " + column + " = " + column + " - make_interval(secs => ?) WHERE " + where)
			.params((double) ago.toSeconds(), id)
			.update();
	}

	private static Jurisdiction inspectorOf(Venue venue) {
		if (venue.sector() == Sector.COMMERCE) {
			return new Jurisdiction("commerce", Role.DEPARTMENT, Region.CITY_CODE, Sector.COMMERCE.name(), null, null);
		}
		if (venue.sector() == Sector.HEALTH) {
			return new Jurisdiction("health", Role.DEPARTMENT, Region.CITY_CODE, Sector.HEALTH.name(), null, null);
		}
		return new Jurisdiction("admin", Role.CITY_ADMIN, Region.CITY_CODE, null, null, null);
	}

}
