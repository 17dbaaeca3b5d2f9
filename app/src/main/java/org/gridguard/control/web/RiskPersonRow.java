package org.gridguard.control.web;

import java.util.List;
import java.util.Map;

import org.gridguard.control.RiskPerson;
import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.Messages;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

/**
 * A risk person as lists show them: with the person's (masked) identity and the name of their grid or queue. Building
 * the rows is the list's read of personal data (audited with its size, counted against the reader's budget).
 */
record RiskPersonRow(RiskPerson risk, @Nullable Person person, String placeName) {

	public String name() {
		return person == null ? "#" + risk.personId() : person.name();
	}

	public String idMasked() {
		return person == null ? "" : person.idMasked();
	}

	/** The columns of a risk-person list's export, as the list shows them. */
	static final List<String> HEADERS = List.of("person.name", "person.idNumber", "control.category", "common.status",
			"control.measure", "control.place", "control.since");

	/** This row's cells under {@link #HEADERS}, in the reader's language. */
	List<?> cells(Messages messages) {
		return List.of(name(), idMasked(), messages.get("control.category." + risk.category()),
				messages.get("control.state." + risk.state()),
				risk.measure() == null ? "" : messages.get("control.measure." + risk.measure()), placeName(), risk.since());
	}

	/**
	 * Rows for an export, which audits and counts its rows itself: the same persons (masked) and places as
	 * {@link #of}, without a read entry per chunk.
	 */
	static List<RiskPersonRow> forExport(List<RiskPerson> risks, PersonManagement persons, RegionManagement regions) {
		Map<Long, Person> byId = persons.findAll(risks.stream().map(RiskPerson::personId).toList());
		return risks.stream()
			.map(r -> new RiskPersonRow(r, byId.get(r.personId()), regions.fullName(r.regionCode())))
			.toList();
	}

	static List<RiskPersonRow> of(List<RiskPerson> risks, PersonManagement persons, RegionManagement regions) {
		Map<Long, Person> byId = persons.readForList(risks.stream().map(RiskPerson::personId).toList(), "risk-persons",
				null, null);
		return risks.stream()
			.map(r -> new RiskPersonRow(r, byId.get(r.personId()), regions.fullName(r.regionCode())))
			.toList();
	}

}
