package org.gridguard.quarantine;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation rules of rooms: single rooms for adults, families with minors together, the elderly in barrier-free
 * rooms with their family or carer, and nobody in a room of another party.
 */
class RoomAllocationTests {

	private static final int MINOR = 14;

	private static final int ELDERLY = 70;

	private static RoomAllocation.Candidate room(long id, Site.RoomKind kind, int beds, Site.RoomState state, int occupants,
			@Nullable String party) {
		return new RoomAllocation.Candidate(new Site.Room(id, 1, String.valueOf(id), "A", 1, beds, kind, state, occupants),
				party);
	}

	private final List<RoomAllocation.Candidate> rooms = List.of(
			room(1, Site.RoomKind.MULTI, 3, Site.RoomState.FREE, 0, null),
			room(2, Site.RoomKind.SINGLE, 1, Site.RoomState.FREE, 0, null),
			room(3, Site.RoomKind.ACCESSIBLE, 2, Site.RoomState.FREE, 0, null),
			room(4, Site.RoomKind.MULTI, 3, Site.RoomState.OCCUPIED, 1, "H7"),
			room(5, Site.RoomKind.SINGLE, 1, Site.RoomState.OCCUPIED, 1, "P9"),
			room(6, Site.RoomKind.SINGLE, 1, Site.RoomState.DISINFECTION, 0, null));

	private static List<Long> ids(List<Site.Room> rooms) {
		return rooms.stream().map(Site.Room::id).toList();
	}

	@Test
	void anAdultWithoutMinorsGetsOnlyAFreeSingleRoom() {
		var need = RoomAllocation.Need.of("H7", 35, false, MINOR, ELDERLY);
		assertThat(ids(RoomAllocation.candidates(rooms, need))).containsExactly(2L);
	}

	@Test
	void aChildJoinsTheirFamilyFirstThenAFreeFamilyRoom() {
		var need = RoomAllocation.Need.of("H7", 6, false, MINOR, ELDERLY);
		assertThat(ids(RoomAllocation.candidates(rooms, need))).containsExactly(4L, 1L, 3L, 2L);
	}

	@Test
	void anAdultOfAFamilyWithAMinorStaysWithThem() {
		var need = RoomAllocation.Need.of("H7", 38, true, MINOR, ELDERLY);
		assertThat(ids(RoomAllocation.candidates(rooms, need))).startsWith(4L, 1L);
	}

	@Test
	void anElderlyPersonGetsABarrierFreeRoomBeforeAnyOther() {
		var need = RoomAllocation.Need.of("H8", 78, false, MINOR, ELDERLY);
		assertThat(ids(RoomAllocation.candidates(rooms, need))).containsExactly(3L, 1L, 2L);
	}

	@Test
	void nobodyIsPutIntoARoomOfAnotherPartyOrOneAwaitingDisinfection() {
		var need = RoomAllocation.Need.of("H8", 5, true, MINOR, ELDERLY);
		assertThat(ids(RoomAllocation.candidates(rooms, need))).doesNotContain(4L, 5L, 6L);
		assertThat(RoomAllocation.fits(rooms.get(3), need)).isFalse();
		assertThat(RoomAllocation.fits(rooms.get(4), RoomAllocation.Need.of("P9", 30, false, MINOR, ELDERLY))).isFalse();
		assertThat(RoomAllocation.fits(rooms.get(5), need)).isFalse();
	}

	@Test
	void noRoomFitsWhenTheSingleRoomsAreTaken() {
		var full = List.of(room(5, Site.RoomKind.SINGLE, 1, Site.RoomState.OCCUPIED, 1, "P9"),
				room(1, Site.RoomKind.MULTI, 3, Site.RoomState.FREE, 0, null));
		assertThat(RoomAllocation.candidates(full, RoomAllocation.Need.of("P1", 40, false, MINOR, ELDERLY))).isEmpty();
	}

}
