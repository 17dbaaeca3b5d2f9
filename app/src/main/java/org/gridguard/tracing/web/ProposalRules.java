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
