package org.gridguard.cockpit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.Messages;

import org.springframework.stereotype.Component;

/**
 * The trend chart: every shown panel's daily series over the last 14 or 28 days, as the chart script takes them.
 */
@Component
public class Trends {

	/** One line of the chart: its name in the reader's language and a number per day. */
	public record Line(String key, String name, boolean alarming, List<Long> values) {
	}

	/** The days (ISO dates, oldest first) and the lines. */
	public record Chart(List<String> days, List<Line> lines) {
	}

	private final Cockpit cockpit;

	private final Messages messages;

	Trends(Cockpit cockpit, Messages messages) {
		this.cockpit = cockpit;
		this.messages = messages;
	}

	/** The last {@code days} days up to the area's day (14 or 28; other values are taken as the nearer of them). */
	public Chart of(CockpitArea area, int days) {
		int span = days > 21 ? 28 : 14;
		LocalDate from = area.day().minusDays(span - 1L);
		var labels = new ArrayList<String>();
		for (LocalDate d = from; !d.isAfter(area.day()); d = d.plusDays(1)) {
			labels.add(d.toString());
		}
		var lines = new ArrayList<Line>();
		for (CockpitPanel panel : cockpit.shownPanels()) {
			for (Series s : panel.trends(area, from)) {
				lines.add(new Line(s.key(), messages.get(s.label()), s.alarming(), labels.stream().map(s::get).toList()));
			}
		}
		return new Chart(labels, lines);
	}

}
