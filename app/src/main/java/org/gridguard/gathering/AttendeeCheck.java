package org.gridguard.gathering;

import java.util.ArrayList;
import java.util.List;

import org.gridguard.control.Category;
import org.gridguard.status.FactKind;
import org.gridguard.status.StatusColour;
import org.gridguard.venue.RiskArea;
import org.jspecify.annotations.Nullable;

/**
 * The exclusion criteria of rules §6 for one attendee, as reasons in words: a red or yellow code (with the facts behind
 * it), an active control as a risk person (密接、次密接 … not finished), and a declared recent stay in an area listed as
 * high or medium risk. Anyone with a reason is not admitted. Pure, so that every criterion is tested alone.
 */
final class AttendeeCheck {

	private AttendeeCheck() {
	}

	/** What is known of one attendee when checked. */
	record Inputs(StatusColour colour, List<FactKind> facts, @Nullable Category controlled, @Nullable String travel) {
	}

	static List<Reason> reasons(Inputs in, List<RiskArea> listed) {
		var reasons = new ArrayList<Reason>();
		if (in.colour() != StatusColour.GREEN) {
			reasons.add(new Reason("gathering.attendee.colour", true, "#status.colour." + in.colour().name()));
			for (FactKind fact : in.facts()) {
				reasons.add(new Reason("gathering.attendee.fact", true, "#status.fact." + fact.name()));
			}
		}
		if (in.controlled() != null) {
			reasons.add(new Reason("gathering.attendee.riskPerson", true, "#control.category." + in.controlled().name()));
		}
		String travel = in.travel() == null ? "" : in.travel().strip();
		if (!travel.isEmpty()) {
			for (RiskArea area : listed) {
				if (area.endedAt() == null && area.stars() && mentions(travel, area.name())) {
					reasons.add(new Reason("gathering.attendee.travel", false, area.name(), "#venue.risk." + area.level()));
				}
			}
		}
		return reasons;
	}

	/** Whether a declared stay names an area (either contains the other, so that 某某街道 matches 某某街道某某社区). */
	private static boolean mentions(String travel, String area) {
		String a = area.strip();
		return !a.isEmpty() && (travel.contains(a) || travel.length() >= 2 && a.contains(travel));
	}

}
