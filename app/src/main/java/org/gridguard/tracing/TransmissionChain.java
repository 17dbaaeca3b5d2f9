package org.gridguard.tracing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transmission chain around an investigation, for the ECharts graph: cases and their confirmed contacts across
 * linked investigations (a contact who tests positive opens their own investigation, linked to the first).
 */
@Service
@Transactional(readOnly = true)
public class TransmissionChain {

	private final JdbcClient jdbc;

	private final InvestigationManagement investigations;

	private final PersonManagement persons;

	TransmissionChain(JdbcClient jdbc, InvestigationManagement investigations, PersonManagement persons) {
		this.jdbc = jdbc;
		this.investigations = investigations;
		this.persons = persons;
	}

	/** Nodes (cases and confirmed contacts) and links. */
	public record Graph(List<Node> nodes, List<Link> links) {

		/** A person in the chain. */
		public record Node(String id, String name, String kind, long investigationId) {
		}

		/** A case → contact link. */
		public record Link(String source, String target, String kind) {
		}

	}

	public Graph graph(long investigationId, Jurisdiction who, int maxContacts) {
		Investigation root = investigations.get(investigationId, who);
		// climb to the first case of the chain, then walk down
		Investigation top = root;
		for (int guard = 0; top.parentId() != null && guard < 20; guard++) {
			top = investigations.get(top.parentId());
		}
		var nodes = new LinkedHashMap<String, Graph.Node>();
		var links = new ArrayList<Graph.Link>();
		var queue = new java.util.ArrayDeque<Investigation>();
		queue.add(top);
		Set<Long> seen = new HashSet<>();
		while (!queue.isEmpty() && nodes.size() < maxContacts * 3) {
			Investigation inv = queue.poll();
			if (!seen.add(inv.id())) {
				continue;
			}
			String caseNode = "p" + inv.casePersonId();
			nodes.put(caseNode, new Graph.Node(caseNode, name(inv.casePersonId()), "CASE", inv.id()));
			List<Candidate> confirmed = jdbc.sql("""
					SELECT * FROM tracing_candidate WHERE investigation_id = ? AND classification IN
						('CLOSE_CONTACT', 'SECONDARY_CONTACT', 'GENERAL_CONTACT') ORDER BY classification, id LIMIT ?""")
				.params(inv.id(), maxContacts)
				.query(InvestigationManagement.CANDIDATE)
				.list();
			Map<Long, Person> people = persons.findAll(confirmed.stream().map(Candidate::personId).toList());
			for (Candidate c : confirmed) {
				String node = "p" + c.personId();
				Person p = people.get(c.personId());
				nodes.putIfAbsent(node, new Graph.Node(node, p == null ? node : p.name(), c.classification().name(), inv.id()));
				String from = c.viaPersonId() != null ? "p" + c.viaPersonId() : caseNode;
				links.add(new Graph.Link(from, node, c.classification().name()));
			}
			jdbc.sql("SELECT * FROM tracing_investigation WHERE parent_id = ?")
				.param(inv.id())
				.query(InvestigationManagement.INVESTIGATION)
				.list()
				.forEach(queue::add);
		}
		// a contact who became a case is drawn as a case
		for (Investigation inv : seenInvestigations(seen)) {
			String node = "p" + inv.casePersonId();
			nodes.computeIfPresent(node, (k, n) -> new Graph.Node(n.id(), n.name(), "CASE", inv.id()));
		}
		return new Graph(List.copyOf(nodes.values()), links.stream()
			.filter(l -> nodes.containsKey(l.source()) && nodes.containsKey(l.target()))
			.toList());
	}

	private List<Investigation> seenInvestigations(Set<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM tracing_investigation WHERE id IN (:ids)")
			.param("ids", ids)
			.query(InvestigationManagement.INVESTIGATION)
			.list();
	}

	private String name(long personId) {
		return persons.find(personId).map(Person::name).orElse("#" + personId);
	}

}
