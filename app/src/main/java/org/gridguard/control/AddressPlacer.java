package org.gridguard.control;

import java.util.HashMap;
import java.util.Map;

import org.gridguard.region.AddressLocator;
import org.gridguard.region.Region;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

/**
 * Places pushed persons by what is known of them: a resident's registered grid first; then the grid of a household
 * registered at the address (written however the list writes it: 2幢1单元602室 and 2-1-602 meet); then the village or
 * town the address names (a village with a single grid places in that grid, otherwise the person waits in that
 * village's or town's queue); an address naming another place is outside the city. Built once per import from the
 * region tree. Notes are message keys with arguments, shown in the reader's language.
 */
final class AddressPlacer {

	private final AddressLocator locator;

	private final Map<String, String> singleGridOfVillage = new HashMap<>();

	private final RegionManagement regions;

	AddressPlacer(RegionManagement regions) {
		this.regions = regions;
		this.locator = regions.addressLocator();
		for (Region grid : regions.gridsBelow(Region.CITY_CODE)) {
			String village = grid.code().substring(0, 12);
			singleGridOfVillage.merge(village, grid.code(), (a, b) -> "");
		}
		singleGridOfVillage.values().removeIf(String::isEmpty);
	}

	/**
	 * @param residentRegion the person's registered region, if a resident
	 * @param householdGrid the grid of a household registered at this address, if any
	 */
	Placement place(@Nullable String residentRegion, @Nullable String address, @Nullable String householdGrid) {
		if (residentRegion != null && residentRegion.length() == 15 && residentRegion.startsWith(Region.CITY_CODE)) {
			return new Placement(Placement.Kind.GRID, residentRegion, Explained.nested("control.placement.note.resident"));
		}
		if (householdGrid != null) {
			return new Placement(Placement.Kind.GRID, householdGrid,
					Explained.nested("control.placement.note.household", regions.nameOf(householdGrid)));
		}
		if (address == null || address.isBlank()) {
			return new Placement(Placement.Kind.QUEUE, Region.CITY_CODE, Explained.nested("control.placement.note.noAddress"));
		}
		AddressLocator.Located at = locator.locate(address);
		if (at.villageCodes().size() == 1) {
			String village = at.villageCodes().get(0);
			String grid = singleGridOfVillage.get(village);
			if (grid != null) {
				return new Placement(Placement.Kind.GRID, grid,
						Explained.nested("control.placement.note.singleGrid", at.villageName()));
			}
			return new Placement(Placement.Kind.QUEUE, village, Explained.nested("control.placement.note.village",
					at.villageName()));
		}
		if (at.villageCodes().size() > 1) {
			return new Placement(Placement.Kind.QUEUE, at.townCode() == null ? Region.CITY_CODE : at.townCode(),
					Explained.nested("control.placement.note.sameName", at.villageName(), at.villageCodes().size()));
		}
		if (at.townCode() != null) {
			return new Placement(Placement.Kind.QUEUE, at.townCode(),
					Explained.nested("control.placement.note.town", regions.nameOf(at.townCode())));
		}
		if (at.inCity()) {
			return new Placement(Placement.Kind.QUEUE, Region.CITY_CODE, Explained.nested("control.placement.note.city"));
		}
		if (at.elsewhere()) {
			return new Placement(Placement.Kind.OUTSIDE, Region.CITY_CODE,
					Explained.nested("control.placement.note.outside", address));
		}
		return new Placement(Placement.Kind.QUEUE, Region.CITY_CODE, Explained.nested("control.placement.note.unknown"));
	}

}
