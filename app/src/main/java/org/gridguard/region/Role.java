package org.gridguard.region;

/**
 * The roles of GridGuard. Each account holds one role, bound to one node of the tree (and, for some roles, to a
 * sector, a venue, a quarantine site or an organizer unit).
 */
public enum Role {

	/** 指挥部: the whole city. */
	CITY_ADMIN(true),
	/** 镇街 officer: one town or street. */
	TOWN_OFFICER(true),
	/** 村社 officer: one village or community. */
	VILLAGE_OFFICER(true),
	/** 网格员: one grid; works on a phone. */
	GRID_WORKER(true),
	/** 行业部门: venues of one sector (商务, 卫健, 民政 …) in a city or town; no resident data. */
	DEPARTMENT(false),
	/** 场所负责人: one venue; no resident data. */
	VENUE_MANAGER(false),
	/** 隔离点 staff: one quarantine site; only the people staying there. */
	SITE_STAFF(false),
	/** 疾控 epidemiologist: the whole city, for investigations and tracing. */
	EPIDEMIOLOGIST(true),
	/** 活动举办单位: one registered organizer unit in a town; files its meetings and events; no resident data. */
	ORGANIZER(false);

	private final boolean seesResidents;

	Role(boolean seesResidents) {
		this.seesResidents = seesResidents;
	}

	/** Whether the role sees the residents living in its region (otherwise it reaches personal data otherwise). */
	public boolean seesResidents() {
		return seesResidents;
	}

	/** The Spring Security authority, e.g. {@code ROLE_CITY_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Message key of the role's name. */
	public String messageKey() {
		return "role." + name();
	}

}
