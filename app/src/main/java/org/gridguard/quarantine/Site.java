package org.gridguard.quarantine;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A quarantine site with its occupancy.
 *
 * @param townCode the town (镇街) running it
 * @param zones how the "三区两通道" layout is laid out there (zones and the two passages), as recorded
 * @param rooms every room, in or out of service
 * @param occupied rooms with someone in them
 * @param free rooms ready to take someone
 * @param awaitingDisinfection rooms left by someone, before terminal disinfection
 */
public record Site(long id, String name, Kind kind, String townCode, String address, @Nullable String operator,
		@Nullable String headName, @Nullable String headPhone, @Nullable String zones, boolean active, Instant createdAt,
		int rooms, int beds, int occupied, int free, int awaitingDisinfection, int outOfService, int residents) {

	/** What a site is. Message keys: {@code quarantine.site.kind.<NAME>}. */
	public enum Kind {

		/** A requisitioned hotel. */
		HOTEL,
		/** 健康驿站: a purpose-built station. */
		STATION,
		OTHER

	}

	/** The seven working groups of a site (rules §5). Message keys: {@code quarantine.team.<NAME>}. */
	public enum Team {

		/** 防控消毒组 */
		DISINFECTION(2),
		/** 健康观察组 */
		HEALTH_OBSERVATION(2),
		/** 信息联络组 */
		LIAISON(1),
		/** 安全保卫组 */
		SECURITY(1),
		/** 后勤保障组 */
		LOGISTICS(1),
		/** 病例转运组 */
		TRANSPORT(2),
		/** 人文关怀组 */
		CARE(1);

		private final int ppeLevel;

		Team(int ppeLevel) {
			this.ppeLevel = ppeLevel;
		}

		/** The protection level the group's tasks need by default (rules §5: level 2; level 3 for incidents). */
		public int ppeLevel() {
			return ppeLevel;
		}

	}

	/** A working group's leader. */
	public record Group(Team team, String leaderName, @Nullable String leaderPhone) {
	}

	/** The kinds of room (rules §5: mostly single, some multi-person and barrier-free). */
	public enum RoomKind {

		SINGLE, MULTI, ACCESSIBLE

	}

	/** Where a room is in its cycle. Message keys: {@code quarantine.room.state.<NAME>}. */
	public enum RoomState {

		FREE, OCCUPIED, DISINFECTION, OUT_OF_SERVICE

	}

	/** A room of a site. */
	public record Room(long id, long siteId, String number, @Nullable String building, @Nullable Integer floor, int beds,
			RoomKind kind, RoomState state, int occupants) {
	}

	public static List<Team> teams() {
		return List.of(Team.values());
	}

}
