package org.gridguard.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The brute-force oracle: a nested loop over all check-ins, straight from the contact rule of the tracing API.
 * Stays are resolved like the index does (default stay when there is no check-out, capped at the maximum stay).
 */
final class NaiveContacts {

	private final List<int[]> rows = new ArrayList<>();
	private final int defaultStay;
	private final int maxStay;

	NaiveContacts(int defaultStay, int maxStay) {
		this.defaultStay = defaultStay;
		this.maxStay = maxStay;
	}

	void add(int venue, int person, int start, int endOrMinusOne) {
		int end = endOrMinusOne < 0 ? start + defaultStay : endOrMinusOne;
		end = Math.min(end, start + maxStay);
		rows.add(new int[] { venue, person, start, end });
	}

	void dropDaysBefore(int day) {
		rows.removeIf(r -> r[2] < day * 86_400);
	}

	/** Q1: every contact once, with its earliest co-presence (overlap start, then venue, then overlap end). */
	List<Contact> contacts(int index, int from, int to, int tolerance, int minOverlap, int excluded) {
		Map<Integer, Contact> best = new LinkedHashMap<>();
		for (int[] a : rows) {
			if (a[1] != index || a[2] < from || a[2] >= to) {
				continue;
			}
			for (int[] b : rows) {
				if (b[0] != a[0] || b[1] == index || b[1] == excluded) {
					continue;
				}
				int s1 = a[2];
				int e1 = a[3];
				int s2 = b[2];
				int e2 = b[3];
				boolean contact = s1 < e2 + tolerance && s2 < e1 + tolerance
						&& (minOverlap == 0 || Math.min(e1, e2) - Math.max(s1, s2) >= minOverlap);
				if (!contact) {
					continue;
				}
				Contact candidate = new Contact(index, b[1], a[0], Math.max(s1, s2), Math.min(e1, e2));
				Contact known = best.get(b[1]);
				if (known == null || earlier(candidate, known)) {
					best.put(b[1], candidate);
				}
			}
		}
		return new ArrayList<>(best.values());
	}

	List<Contact> contacts(int index, ContactQuery q) {
		return contacts(index, q.from(), q.to(), q.tolerance(), q.minOverlap(), -1);
	}

	/** 2-hop: first-degree contacts, then each one's contacts from its first exposure until {@code secondaryTo}. */
	List<Contact> secondDegree(int index, ContactQuery q, int secondaryTo) {
		List<Contact> out = new ArrayList<>(contacts(index, q));
		for (Contact first : contacts(index, q)) {
			out.addAll(contacts(first.contact(), first.overlapStart(), secondaryTo, q.tolerance(), q.minOverlap(), index));
		}
		return out;
	}

	private static boolean earlier(Contact a, Contact b) {
		if (a.overlapStart() != b.overlapStart()) {
			return a.overlapStart() < b.overlapStart();
		}
		if (a.venue() != b.venue()) {
			return a.venue() < b.venue();
		}
		return a.overlapEnd() < b.overlapEnd();
	}
}
