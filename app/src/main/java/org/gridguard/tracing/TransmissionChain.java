package org.gridguard.tracing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridguard.person.Person;
import org.gridguard.person.PersonManagement;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transmission chain around an investigation, for the ECharts graph: cases and their confirmed contacts across
 * linked investigations (a contact who tests positive opens their own investigation, linked to the first). Town and
 * village officers see the names of the persons living in their area only.
 */
@Service
@Transactional
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

		/**
		 * A person in the chain. The id is opaque (it means nothing outside this graph); {@code name} is there only for
		 * persons the reader may see, the others are {@code anonymous}.
		 */
		public record Node(String id, @Nullable String name, String kind, long investigationId, boolean anonymous) {
		}

		/** A case → contact link. */
		public record Link(String source, String target, String kind) {
		}

	}

	/**
	 * The chain around an investigation the reader may see. Persons living outside the reader's jurisdiction are
	 * drawn without a name; the named ones are a bulk read of personal data (audited, counted against the budget).
	 */
	public Graph graph(long investigationId, Jurisdiction who, int maxContacts) {
		Investigation root = investigations.get(investigationId, who);
		// climb to the first case of the chain, then walk down
		Investigation top = root;
		for (int guard = 0; top.parentId() != null && guard < 20; guard++) {
			top = investigations.get(top.parentId());
		}
		var kinds = new LinkedHashMap<Long, String>();
		var investigationOf = new HashMap<Long, Long>();
		var edges = new ArrayList<long[]>();
		var edgeKinds = new ArrayList<String>();
		var queue = new ArrayDeque<Investigation>();
		queue.add(top);
		Set<Long> seen = new HashSet<>();
		while (!queue.isEmpty() && kinds.size() < maxContacts * 3) {
			Investigation inv = queue.poll();
			if (!seen.add(inv.id())) {
				continue;
			}
			kinds.put(inv.casePersonId(), "CASE");
			investigationOf.put(inv.casePersonId(), inv.id());
			List<Candidate> confirmed = jdbc.sql("""
					SELECT * FROM tracing_candidate WHERE investigation_id = ? AND classification IN
						('CLOSE_CONTACT', 'SECONDARY_CONTACT', 'GENERAL_CONTACT') ORDER BY classification, id LIMIT ?""")
				.params(inv.id(), maxContacts)
				.query(InvestigationManagement.CANDIDATE)
				.list();
			for (Candidate c : confirmed) {
				kinds.putIfAbsent(c.personId(), c.classification().name());
				investigationOf.putIfAbsent(c.personId(), inv.id());
				edges.add(new long[] { c.viaPersonId() != null ? c.viaPersonId() : inv.casePersonId(), c.personId() });
				edgeKinds.add(c.classification().name());
			}
			jdbc.sql("SELECT * FROM tracing_investigation WHERE parent_id = ?")
				.param(inv.id())
				.query(InvestigationManagement.INVESTIGATION)
				.list()
				.forEach(queue::add);
		}
		// a contact who became a case is drawn as a case
		for (Investigation inv : seenInvestigations(seen)) {
			if (kinds.containsKey(inv.casePersonId())) {
				kinds.put(inv.casePersonId(), "CASE");
				investigationOf.put(inv.casePersonId(), inv.id());
			}
		}
		Map<Long, Person> named = persons.readVisible(kinds.keySet(), who, "investigation-graph",
				String.valueOf(investigationId));
		var ids = new HashMap<Long, String>();
		var nodes = new ArrayList<Graph.Node>(kinds.size());
		kinds.forEach((person, kind) -> {
			String id = "n" + (ids.size() + 1);
			ids.put(person, id);
			Person p = named.get(person);
			nodes.add(new Graph.Node(id, p == null ? null : p.name(), kind, investigationOf.get(person), p == null));
		});
		var links = new ArrayList<Graph.Link>(edges.size());
		for (int i = 0; i < edges.size(); i++) {
			String from = ids.get(edges.get(i)[0]);
			String to = ids.get(edges.get(i)[1]);
			if (from != null && to != null) {
				links.add(new Graph.Link(from, to, edgeKinds.get(i)));
			}
		}
		return new Graph(nodes, links);
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

}
