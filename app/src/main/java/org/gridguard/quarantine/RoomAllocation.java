package org.gridguard.quarantine;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The allocation rules of rooms (rules §5): one person, one single room — except that a family with a minor stays
 * together, an elderly person gets a barrier-free room where their family may join them, and a carer accompanies the
 * person they care for. Nobody joins a room of another party. Pure: the caller takes the first candidate it can.
 */
final class RoomAllocation {

	private RoomAllocation() {
	}

	/** A room of the site with the party in it ({@code null} when empty). */
	record Candidate(Site.Room room, @Nullable String party) {
	}

	/**
	 * Who is to be placed.
	 *
	 * @param party the group a shared room belongs to: the household, or the person alone
	 * @param shares whether the person stays with their party (a minor, an elderly person, or a family with a minor)
	 * @param elderly whether the person needs a barrier-free room
	 */
	record Need(String party, boolean shares, boolean elderly) {

		static Need of(String party, int age, boolean familyWithMinor, int minorAge, int elderlyAge) {
			boolean elderly = age >= elderlyAge;
			return new Need(party, age < minorAge || elderly || familyWithMinor, elderly);
		}

	}

	/** The rooms to try, best first; empty when none fits. */
	static List<Site.Room> candidates(List<Candidate> rooms, Need need) {
		var order = new ArrayList<Site.Room>();
		if (need.shares()) {
			rooms.stream()
				.filter(c -> c.room().state() == Site.RoomState.OCCUPIED && need.party().equals(c.party())
						&& c.room().occupants() < c.room().beds())
				.forEach(c -> order.add(c.room()));
		}
		if (need.elderly()) {
			free(rooms, Site.RoomKind.ACCESSIBLE, order);
			free(rooms, Site.RoomKind.MULTI, order);
		}
		else if (need.shares()) {
			free(rooms, Site.RoomKind.MULTI, order);
			free(rooms, Site.RoomKind.ACCESSIBLE, order);
		}
		free(rooms, Site.RoomKind.SINGLE, order);
		return order;
	}

	/** Whether a room given by hand fits: free, or shared with the same party with a bed left. */
	static boolean fits(Candidate room, Need need) {
		Site.Room r = room.room();
		if (r.state() == Site.RoomState.FREE) {
			return true;
		}
		return r.state() == Site.RoomState.OCCUPIED && need.party().equals(room.party()) && r.occupants() < r.beds();
	}

	private static void free(List<Candidate> rooms, Site.RoomKind kind, List<Site.Room> order) {
		rooms.stream()
			.filter(c -> c.room().state() == Site.RoomState.FREE && c.room().kind() == kind)
			.forEach(c -> order.add(c.room()));
	}

}
