package org.gridguard.tracing.web;

import java.util.regex.Pattern;

import org.gridguard.platform.Messages;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The proposal rules an investigation ran with, in the reader's language. They are stored as
 * {@code lookback-4d/tolerance-0/household}; a version of another form is shown as stored.
 */
@Component("proposalRules")
class ProposalRules {

	private static final Pattern STORED = Pattern.compile("lookback-(\\d+)d/tolerance-(\\d+)(/household)?");

	private final Messages messages;

	ProposalRules(Messages messages) {
		this.messages = messages;
	}

	/**
	 * A classification rule as stored with each candidate it classified, {@code source VENUE at 华联商厦 overlap ≥ 15
	 * min → CLOSE_CONTACT (cdc)}, in the reader's language; a text of another form is shown as stored.
	 */
	public String classification(@Nullable String stored) {
		if (stored == null) {
			return "";
		}
		var m = CLASSIFIED.matcher(stored.strip());
		if (!m.matches()) {
			return stored;
		}
		var conditions = new java.util.ArrayList<String>();
		if (m.group(1) != null) {
			conditions.add(messages.get("tracing.rule.source", messages.get("tracing.source." + m.group(1))));
		}
		if (m.group(2) != null) {
			conditions.add(messages.get("tracing.rule.venue", m.group(2).strip()));
		}
		if (m.group(3) != null) {
			conditions.add(messages.get("tracing.rule.minOverlap", m.group(3)));
		}
		if (m.group(4) != null) {
			conditions.add(messages.get("tracing.rule.maxOverlap", m.group(4)));
		}
		String when = conditions.isEmpty() ? messages.get("tracing.rule.all")
				: String.join(messages.get("tracing.rule.and"), conditions);
		return messages.get("tracing.rule.classified", when, messages.get("tracing.classification." + m.group(5)),
				m.group(6) == null ? "" : m.group(6));
	}

	private static final Pattern CLASSIFIED = Pattern.compile("(?:all )?(?:source ([A-Z_]+) )?(?:at (.+?) )?"
			+ "(?:overlap ≥ (\\d+) min )?(?:overlap < (\\d+) min )?→ ([A-Z_]+)(?: \\((.+)\\))?");

	public String describe(@Nullable String ruleVersion) {
		if (ruleVersion == null) {
			return "";
		}
		var m = STORED.matcher(ruleVersion);
		if (!m.matches()) {
			return ruleVersion;
		}
		String rules = messages.get("tracing.rules", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		return m.group(3) == null ? rules : rules + messages.get("tracing.rules.household");
	}

}
