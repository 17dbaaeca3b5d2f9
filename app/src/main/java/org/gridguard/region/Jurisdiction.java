package org.gridguard.region;

import org.gridguard.platform.NotFound;
import org.jspecify.annotations.Nullable;

/**
 * Who may see and change what: the one jurisdiction check of GridGuard. Every query over region-bound data takes a
 * jurisdiction and filters with {@link #regionPattern()} ({@code region_code LIKE ?}); every single-item access asks
 * {@link #covers(String)}. Roles that do not see residents (departments, venue managers, site staff) get a pattern
 * that matches nothing, and are granted access by the module that owns their venue or site.
 *
 * @param username the account, or {@code system} for scheduled work
 * @param role its role
 * @param regionCode the node it is bound to
 * @param sector for departments: the venue sector, e.g. {@code COMMERCE}
 * @param venueId for venue managers
 * @param siteId for quarantine-site staff
 * @param organizerId for organizers: the unit whose meetings and events they file
 */
public record Jurisdiction(String username, Role role, String regionCode, @Nullable String sector,
		@Nullable Long venueId, @Nullable Long siteId, @Nullable Long organizerId) {

	/** An account bound to no organizer unit. */
	public Jurisdiction(String username, Role role, String regionCode, @Nullable String sector, @Nullable Long venueId,
			@Nullable Long siteId) {
		this(username, role, regionCode, sector, venueId, siteId, null);
	}

	/** Matches no region code (codes are digits only). */
	private static final String NOTHING = "-";

	public static Jurisdiction system() {
		return new Jurisdiction("system", Role.CITY_ADMIN, Region.CITY_CODE, null, null, null);
	}

	/** Whether resident-level data placed at {@code code} (a grid, or a village/town for unplaced items) is visible. */
	public boolean covers(@Nullable String code) {
		return code != null && role.seesResidents() && code.startsWith(regionCode);
	}

	/** Whether a region-bound item is geographically inside this jurisdiction, whatever the role. */
	public boolean within(@Nullable String code) {
		return code != null && code.startsWith(regionCode);
	}

	/**
	 * The same account seen through a part of its area: the same role, sector, venue and site, bound to {@code code}.
	 * Every query that takes a jurisdiction then answers for that part only, which is how lists and the cockpit take a
	 * {@code region} filter. A blank code keeps this jurisdiction.
	 * @throws NotFound when {@code code} is not a region code (6, 9, 12 or 15 digits) inside this jurisdiction, so
	 * that asking about other areas reveals nothing
	 */
	public Jurisdiction narrowedTo(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return this;
		}
		String wanted = code.strip();
		if (!isRegionCode(wanted) || !within(wanted)) {
			throw new NotFound("region " + wanted);
		}
		return wanted.equals(regionCode) ? this
				: new Jurisdiction(username, role, wanted, sector, venueId, siteId, organizerId);
	}

	private static boolean isRegionCode(String code) {
		for (RegionLevel level : RegionLevel.values()) {
			if (code.length() == level.codeLength()) {
				return code.chars().allMatch(c -> c >= '0' && c <= '9');
			}
		}
		return false;
	}

	/** A LIKE pattern for a region-code column: {@code 330784001%}, or one matching nothing. */
	public String regionPattern() {
		return role.seesResidents() ? regionCode + "%" : NOTHING;
	}

	/** Whether the tree at {@code code} may be changed: the city admin anywhere, town and village officers inside. */
	public boolean canAdminister(String code) {
		return switch (role) {
			case CITY_ADMIN -> true;
			case TOWN_OFFICER, VILLAGE_OFFICER -> code.startsWith(regionCode);
			default -> false;
		};
	}

	public boolean isCityWide() {
		return regionCode.length() == RegionLevel.CITY.codeLength() && role.seesResidents();
	}

	public boolean is(Role other) {
		return role == other;
	}

	// ---- what each role may do: the one place where role and region decide (ask here, do not branch on roles)

	/** The city command: city-wide rules (protocols, status rules, loop settings), API tokens, every account. */
	public boolean isCityAdmin() {
		return role == Role.CITY_ADMIN;
	}

	/**
	 * The command cockpit and its daily reports: the city command and the town and village officers, each for their own
	 * area (and any part of it).
	 */
	public boolean seesCockpit() {
		return role == Role.CITY_ADMIN || role == Role.TOWN_OFFICER || role == Role.VILLAGE_OFFICER;
	}

	/**
	 * Whether this account is among the party addressed as {@code audience} (a role name, or
	 * {@code DEPARTMENT:<sector>}) at {@code code}: the same accounts a notification to that audience there reaches. A
	 * task given to a party may be done by any of them.
	 */
	public boolean belongsTo(String audience, String code) {
		boolean inAudience = audience.equals(role.name()) || (sector != null && audience.equals(role.name() + ":" + sector));
		return inAudience && code.startsWith(regionCode);
	}

	/** Case investigations, tracing queries and classification: 疾控 and the city command. */
	public boolean mayInvestigate() {
		return role == Role.EPIDEMIOLOGIST || role == Role.CITY_ADMIN;
	}

	/**
	 * Raising a person's control by hand (a stricter category, red at once) with a reason: town officers inside their
	 * town, 疾控 and the city command anywhere.
	 */
	public boolean mayRaiseControl(String code) {
		return switch (role) {
			case CITY_ADMIN, EPIDEMIOLOGIST -> true;
			case TOWN_OFFICER -> within(code);
			default -> false;
		};
	}

	/** Pushed lists (协查/推送名单) are brought in by the city command, the towns and 疾控. */
	public boolean mayImportLists() {
		return role == Role.CITY_ADMIN || role == Role.TOWN_OFFICER || role == Role.EPIDEMIOLOGIST;
	}

	/** Venues are registered by the city command, towns and sector departments. */
	public boolean mayRegisterVenues() {
		return role == Role.CITY_ADMIN || role == Role.TOWN_OFFICER || role == Role.DEPARTMENT;
	}

	/** Whether the role is bound to a sector (departments): it sees the sector's subjects inside its region. */
	public boolean isSectorBound() {
		return role == Role.DEPARTMENT;
	}

	/**
	 * Whether anyone's status colour may be asked (entry checks at venues, sites and departments, and city-wide roles);
	 * other roles ask only about the persons they see.
	 */
	public boolean mayAskAnyonesStatus() {
		return isCityWide() || role == Role.VENUE_MANAGER || role == Role.DEPARTMENT || role == Role.SITE_STAFF;
	}

	/**
	 * Whether the reasons behind a colour (isolation, test results, symptoms: health data) may be read. Roles that see
	 * no residents get the colour and whether to admit, never why.
	 */
	public boolean seesHealthReasons() {
		return role.seesResidents();
	}

	/**
	 * Whether a person living at {@code residence} (a grid, or a village/town while unplaced; {@code null} or a code
	 * outside the city for persons living elsewhere) is visible: inside the city by region, outside only city-wide.
	 */
	public boolean seesPersonLivingAt(@Nullable String residence) {
		if (residence == null || !residence.startsWith(Region.CITY_CODE)) {
			return isCityWide();
		}
		return covers(residence);
	}

	/** The quarantine site this account works at (site staff), whose residents and transfers it sees; else null. */
	public @Nullable Long workSite() {
		return role == Role.SITE_STAFF ? siteId : null;
	}

	/**
	 * Whether a quarantine site's page opens: site staff their own site, the city command and 疾控 every site, a town
	 * officer the sites of the town.
	 */
	public boolean seesSite(long site, String townCode) {
		Long own = workSite();
		if (own != null) {
			return own == site;
		}
		return isCityWide() || role == Role.TOWN_OFFICER && within(townCode);
	}

	/** Whether quarantine sites can be opened at all (the nav entry, links to sites). */
	public boolean seesSites() {
		return workSite() != null || isCityWide() || role == Role.TOWN_OFFICER;
	}

	/**
	 * Running a quarantine site (admissions, checks, samples, release, staff, care): its own staff and the city
	 * command.
	 */
	public boolean runsSite(long site) {
		Long own = workSite();
		return role == Role.CITY_ADMIN || own != null && own == site;
	}

	/**
	 * Registering quarantine sites and dispatching transfer orders (vehicle, escort, site): the city command anywhere,
	 * a town officer inside the town.
	 */
	public boolean mayCommandSites(String code) {
		return role == Role.CITY_ADMIN || role == Role.TOWN_OFFICER && within(code);
	}

	/**
	 * Drafting public notices (通告) and turning an investigation's venue notice into one: the city command, 疾控 and
	 * the town officers. Approval, publication and withdrawal are the city command's ({@link #mayPublishNotices()}).
	 */
	public boolean mayDraftNotices() {
		return role == Role.CITY_ADMIN || role == Role.EPIDEMIOLOGIST || role == Role.TOWN_OFFICER;
	}

	/** Approving, publishing and withdrawing public notices: the city command. */
	public boolean mayPublishNotices() {
		return role == Role.CITY_ADMIN;
	}

	/**
	 * Inspecting a key place (督查检查) and re-inspecting its rectification orders: the city command anywhere, a town
	 * officer inside the town, a department the places of its sector inside its region.
	 */
	public boolean mayInspect(String code, String placeSector) {
		return switch (role) {
			case CITY_ADMIN -> true;
			case TOWN_OFFICER -> within(code);
			case DEPARTMENT -> placeSector.equals(sector) && within(code);
			default -> false;
		};
	}

	/**
	 * Whether inspections and rectification orders can be opened at all: those who inspect, village officers (their
	 * village's, to follow up) and venue managers (their own venue's orders, which they answer).
	 */
	public boolean seesInspections() {
		return role == Role.CITY_ADMIN || role == Role.TOWN_OFFICER || role == Role.VILLAGE_OFFICER
				|| role == Role.DEPARTMENT || role == Role.VENUE_MANAGER;
	}

	/**
	 * Whether the inspections and orders of a place (at {@code code}, of {@code placeSector}) are visible: a venue
	 * manager's own venue, a department's sector inside its region, the region roles inside their region.
	 */
	public boolean seesInspectionsOf(long venue, String code, String placeSector) {
		if (role == Role.VENUE_MANAGER) {
			return venueId != null && venueId == venue;
		}
		if (role == Role.DEPARTMENT) {
			return placeSector.equals(sector) && within(code);
		}
		return seesInspections() && within(code);
	}

	/** Answering a place's rectification orders with evidence: its own manager, and the city command. */
	public boolean answersFor(long venue) {
		return role == Role.CITY_ADMIN || role == Role.VENUE_MANAGER && venueId != null && venueId == venue;
	}

	/** Editing the inspection checklists: the city command. */
	public boolean editsChecklists() {
		return role == Role.CITY_ADMIN;
	}

	// ---- meetings and events (会议活动)

	/** The organizer unit this account files events for (organizers); else null. */
	public @Nullable Long organizerUnit() {
		return role == Role.ORGANIZER ? organizerId : null;
	}

	/**
	 * Filing a meeting or event: an organizer for its own unit, and the town officers (inside the town) and the city
	 * command on behalf of a unit.
	 */
	public boolean mayFileEvents() {
		return role == Role.ORGANIZER && organizerId != null || role == Role.CITY_ADMIN || role == Role.TOWN_OFFICER;
	}

	/** Registering organizer units (and their accounts): the city command anywhere, a town officer inside the town. */
	public boolean mayRegisterOrganizers(String townCode) {
		return role == Role.CITY_ADMIN || role == Role.TOWN_OFFICER && within(townCode);
	}

	/**
	 * Which events this account sees, for queries: those of its own unit (organizers); those of its sector inside its
	 * region (departments); those in its region (the command roles); none otherwise.
	 *
	 * @param townPrefix the events' town codes must start with this, or {@code null} for none at all
	 * @param sector the events' sector must be this, when not {@code null}
	 * @param organizer the events' organizer unit must be this, when not {@code null}
	 */
	public record EventScope(@Nullable String townPrefix, @Nullable String sector, @Nullable Long organizer) {

		public boolean none() {
			return townPrefix == null;
		}

	}

	public EventScope eventScope() {
		return switch (role) {
			case ORGANIZER -> organizerId == null ? new EventScope(null, null, null)
					: new EventScope(Region.CITY_CODE, null, organizerId);
			case DEPARTMENT -> new EventScope(regionCode, sector, null);
			case CITY_ADMIN, EPIDEMIOLOGIST, TOWN_OFFICER -> new EventScope(regionCode, null, null);
			default -> new EventScope(null, null, null);
		};
	}

	/** Whether one event (held in {@code townCode}, of {@code sector}, filed for {@code organizer}) is visible. */
	public boolean seesEvent(String townCode, String eventSector, @Nullable Long organizer) {
		EventScope scope = eventScope();
		return !scope.none() && townCode.startsWith(scope.townPrefix())
				&& (scope.sector() == null || scope.sector().equals(eventSector))
				&& (scope.organizer() == null || scope.organizer().equals(organizer));
	}

	/**
	 * Deciding one approval step of an event (谁审批谁负责): the party the step is addressed to ({@code audience}: a role
	 * name, or {@code DEPARTMENT:<sector>}) at {@code code}; a step past its deadline is escalated to the city command,
	 * which may then decide it.
	 */
	public boolean decidesEventStep(String audience, String code, boolean escalated) {
		return belongsTo(audience, code) || escalated && role == Role.CITY_ADMIN;
	}

	/** Whether an account of {@code accountRole} bound at {@code accountRegion} may be created or changed. */
	public boolean administersAccount(Role accountRole, String accountRegion) {
		return switch (role) {
			case CITY_ADMIN -> true;
			case TOWN_OFFICER -> (accountRole == Role.VILLAGE_OFFICER || accountRole == Role.GRID_WORKER
					|| accountRole == Role.ORGANIZER) && within(accountRegion);
			case VILLAGE_OFFICER -> accountRole == Role.GRID_WORKER && within(accountRegion);
			default -> false;
		};
	}

	/** The roles of the accounts this one may create. */
	public java.util.List<Role> accountRoles() {
		return switch (role) {
			case CITY_ADMIN -> java.util.List.of(Role.values());
			case TOWN_OFFICER -> java.util.List.of(Role.VILLAGE_OFFICER, Role.GRID_WORKER, Role.ORGANIZER);
			default -> java.util.List.of(Role.GRID_WORKER);
		};
	}

}
