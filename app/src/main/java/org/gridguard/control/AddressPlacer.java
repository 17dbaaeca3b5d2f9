package org.gridguard.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

/**
 * Places pushed persons by what is known of them: a resident's registered grid first; then a household registered at
 * exactly the given address; then the village or town the address names (a village with a single grid places in that
 * grid, otherwise the person waits in that village's or town's queue); an address naming another place is outside
 * the city. Built once per import from the region tree.
 */
final class AddressPlacer {

	/** Words that mark an address as naming some administrative place. */
	private static final String[] PLACE_MARKERS = { "省", "自治区", "市", "县", "区", "州", "盟", "旗" };

	private record Named(String name, String code, boolean village) {
	}

	private final List<Named> names = new ArrayList<>();

	private final Map<String, String> singleGridOfVillage = new java.util.HashMap<>();

	private final String cityName;

	AddressPlacer(RegionManagement regions) {
		Region city = regions.get(Region.CITY_CODE);
		this.cityName = city.name().endsWith("市") ? city.name().substring(0, city.name().length() - 1) : city.name();
		for (Region town : regions.children(Region.CITY_CODE)) {
			names.add(new Named(town.name(), town.code(), false));
			for (Region village : regions.children(town.code())) {
				names.add(new Named(village.shortName(), village.code(), true));
				if (!village.shortName().equals(village.name())) {
					names.add(new Named(village.name(), village.code(), true));
				}
			}
		}
		// longest names first, so that 芝英一村 is not taken for 芝英 …
		names.sort(Comparator.comparingInt((Named n) -> n.name().length()).reversed());
		for (Region grid : regions.gridsBelow(Region.CITY_CODE)) {
			String village = grid.code().substring(0, 12);
			singleGridOfVillage.merge(village, grid.code(), (a, b) -> "");
		}
		singleGridOfVillage.values().removeIf(String::isEmpty);
	}

	/**
	 * @param residentRegion the person's registered region, if a resident
	 * @param householdGrid the grid of a household registered at exactly this address, if any
	 */
	Placement place(@Nullable String residentRegion, @Nullable String address, @Nullable String householdGrid) {
		if (residentRegion != null && residentRegion.length() == 15 && residentRegion.startsWith(Region.CITY_CODE)) {
			return new Placement(Placement.Kind.GRID, residentRegion, "registered resident");
		}
		if (householdGrid != null) {
			return new Placement(Placement.Kind.GRID, householdGrid, "household address");
		}
		String text = address == null ? "" : address.replace(" ", "").replace("\u3000", "");
		if (text.isEmpty()) {
			return new Placement(Placement.Kind.QUEUE, Region.CITY_CODE, "no address");
		}
		for (Named n : names) {
			if (text.contains(n.name())) {
				if (n.village()) {
					String grid = singleGridOfVillage.get(n.code());
					if (grid != null) {
						return new Placement(Placement.Kind.GRID, grid, "village " + n.name() + " has one grid");
					}
					return new Placement(Placement.Kind.QUEUE, n.code(), "village " + n.name());
				}
				return new Placement(Placement.Kind.QUEUE, n.code(), "town " + n.name());
			}
		}
		if (text.contains(cityName)) {
			return new Placement(Placement.Kind.QUEUE, Region.CITY_CODE, "address in the city, village not recognised");
		}
		for (String marker : PLACE_MARKERS) {
			if (text.contains(marker)) {
				return new Placement(Placement.Kind.OUTSIDE, Region.CITY_CODE, "address outside the city: " + address);
			}
		}
		return new Placement(Placement.Kind.QUEUE, Region.CITY_CODE, "address not recognised");
	}

}
