package org.gridguard.region;

import org.jspecify.annotations.Nullable;

/**
 * A node of the administrative tree.
 *
 * @param code hierarchical code (6, 9, 12 or 15 digits)
 * @param name official name, e.g. 园丁社区居委会; grids carry a local name
 * @param level level in the tree
 * @param kind CITY, SUBDISTRICT (街道), TOWNSHIP (镇), COMMUNITY (居委会), VILLAGE (村委会) or GRID
 * @param parentCode the node above, {@code null} for the city
 * @param active {@code false} once a grid has been merged into another
 */
public record Region(String code, String name, RegionLevel level, String kind, @Nullable String parentCode,
		boolean active) {

	public static final String CITY_CODE = "330784";

	/** The name without the committee suffix: 园丁社区居委会 → 园丁社区, 芝英三村委会 → 芝英三村. */
	public String shortName() {
		if (level != RegionLevel.VILLAGE) {
			return name;
		}
		for (String suffix : new String[] { "居委会", "村委会", "委会" }) {
			if (name.endsWith(suffix) && name.length() > suffix.length()) {
				String base = name.substring(0, name.length() - suffix.length());
				return suffix.equals("村委会") ? base + "村" : base;
			}
		}
		return name;
	}

	public boolean contains(String otherCode) {
		return otherCode.startsWith(code);
	}

}
