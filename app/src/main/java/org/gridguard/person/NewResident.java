package org.gridguard.person;

import org.jspecify.annotations.Nullable;

/**
 * What an officer enters to register a resident; fields stay as typed so that a refused form comes back filled in.
 * Without {@code householdId} a new household is opened at {@code address} in {@code gridCode}.
 *
 * @param workUnit where the person works (单位), optional: the unit party when the person comes under control
 */
public record NewResident(@Nullable String name, @Nullable IdType idType, @Nullable String idNumber,
		@Nullable String phone, @Nullable String gridCode, @Nullable String address, @Nullable Long householdId,
		@Nullable String workUnit) {

	public NewResident(@Nullable String name, @Nullable IdType idType, @Nullable String idNumber, @Nullable String phone,
			@Nullable String gridCode, @Nullable String address, @Nullable Long householdId) {
		this(name, idType, idNumber, phone, gridCode, address, householdId, null);
	}

}
