package org.gridguard.responsibility;

import org.gridguard.shared.Sector;
import org.jspecify.annotations.Nullable;

/**
 * The four responsible parties of a subject.
 *
 * @param territoryCode 属地: the grid (or village/town) whose officers answer for it
 * @param sector 部门: the department of the sector, when one applies
 * @param unitName 单位: employer, venue operator, organiser or site operator
 * @param unitContact the unit's responsible person
 * @param unitPhone their phone
 * @param individualName 个人: the person themselves, or the named manager of a place or event
 * @param individualPhone their phone
 */
public record FourParties(String territoryCode, @Nullable Sector sector, @Nullable String unitName,
		@Nullable String unitContact, @Nullable String unitPhone, @Nullable String individualName,
		@Nullable String individualPhone) {

	public static FourParties territorial(String territoryCode) {
		return new FourParties(territoryCode, null, null, null, null, null, null);
	}

}
