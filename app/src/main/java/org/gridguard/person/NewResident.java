package org.gridguard.person;

import org.jspecify.annotations.Nullable;

/**
 * What an officer enters to register a resident; fields stay as typed so that a refused form comes back filled in.
 * Without {@code householdId} a new household is opened at {@code address} in {@code gridCode}.
 */
public record NewResident(@Nullable String name, @Nullable IdType idType, @Nullable String idNumber,
		@Nullable String phone, @Nullable String gridCode, @Nullable String address, @Nullable Long householdId) {
}
