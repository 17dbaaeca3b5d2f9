package org.gridguard.response;

import org.gridguard.region.Jurisdiction;
import org.gridguard.region.Region;
import org.jspecify.annotations.Nullable;

/**
 * The party that answers for a plan or a follow-up action: the city command, a town (镇街) or a department (行业部门),
 * with a named contact. The party is what notifications reach and who may act on it.
 *
 * @param ref the town's code or the department's sector; {@code null} for the command
 * @param contact the person to call, as typed
 */
public record Owner(Kind kind, @Nullable String ref, @Nullable String contact) {

	/** Kinds of owning party. Message keys: {@code response.owner.<NAME>}. */
	public enum Kind {

		COMMAND, TOWN, DEPARTMENT

	}

	/** The value of the party in a form's choice: {@code COMMAND}, {@code TOWN:330784001}, {@code DEPARTMENT:HEALTH}. */
	public String choice() {
		return ref == null ? kind.name() : kind.name() + ":" + ref;
	}

	/** The notification audience of the party. */
	public String audience() {
		return switch (kind) {
			case COMMAND -> "CITY_ADMIN";
			case TOWN -> "TOWN_OFFICER";
			case DEPARTMENT -> "DEPARTMENT:" + ref;
		};
	}

	/** Where the party's notifications are addressed. */
	public String regionCode() {
		return kind == Kind.TOWN && ref != null ? ref : Region.CITY_CODE;
	}

	/** Whether {@code who} is among the party. */
	public boolean includes(Jurisdiction who) {
		return who.belongsTo(audience(), regionCode());
	}

}
