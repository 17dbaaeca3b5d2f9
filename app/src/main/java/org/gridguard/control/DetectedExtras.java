package org.gridguard.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The parts of a detection run beyond the loop's own deadlines: persons whose category and plan disagree (a plan
 * milder than their category requires), and the findings of other modules ({@link UnmanagedFindings}). Both are
 * written into the run's temporary table, so that they open, resolve and escalate like every other violation.
 */
@Component
class DetectedExtras {

	private static final String INSERT = "INSERT INTO control_detected (risk_person_id, kind, ref, region_code, since, "
			+ "detail) VALUES (?, ?, ?, ?, ?, ?)";

	private final ProtocolCatalogue catalogue;

	private final ObjectProvider<UnmanagedFindings> sources;

	DetectedExtras(ProtocolCatalogue catalogue, ObjectProvider<UnmanagedFindings> sources) {
		this.catalogue = catalogue;
		this.sources = sources;
	}

	void insert(Connection con, Instant now) throws SQLException {
		insertPlanMismatches(con);
		insertFindings(con, now);
	}

	/**
	 * A controlled person's plan is milder than their category requires when its strictest measure is milder than the
	 * strictest one the category's protocol leaves after choosing its mildest allowed first measure.
	 */
	private void insertPlanMismatches(Connection con) throws SQLException {
		var categories = new ArrayList<String>();
		var required = new ArrayList<Integer>();
		for (Map.Entry<Category, CategoryRule> e : catalogue.categories().entrySet()) {
			catalogue.protocol(e.getValue().protocolId()).ifPresent(p -> {
				categories.add(e.getKey().name());
				required.add(p.strictestRequired().ordinal());
			});
		}
		var rank = new StringBuilder("CASE s.kind");
		for (MeasureKind m : MeasureKind.values()) {
			rank.append(" WHEN '").append(m.name()).append("' THEN ").append(m.ordinal());
		}
		rank.append(" END");
		try (PreparedStatement ps = con.prepareStatement("""
				INSERT INTO control_detected (risk_person_id, kind, ref, region_code, since, detail)
				SELECT rp.id, 'PLAN_MISMATCH', rp.category || '/' || coalesce(rp.protocol_id, ''), rp.region_code,
					rp.updated_at, coalesce(p.name, '—')
				FROM control_risk_person rp
				JOIN unnest(?::varchar[], ?::int[]) AS r(category, required) ON r.category = rp.category
				LEFT JOIN control_protocol p ON p.id = rp.protocol_id
				LEFT JOIN LATERAL (SELECT min(%s) AS strictest FROM control_stage s WHERE s.risk_person_id = rp.id) st ON true
				WHERE rp.state IN ('CONTROLLED', 'READY_FOR_RELEASE')
				AND (st.strictest IS NULL OR st.strictest > r.required)""".formatted(rank))) {
			ps.setArray(1, con.createArrayOf("varchar", categories.toArray()));
			ps.setArray(2, con.createArrayOf("integer", required.toArray()));
			ps.executeUpdate();
		}
	}

	private void insertFindings(Connection con, Instant now) throws SQLException {
		List<UnmanagedFindings.Finding> findings = new ArrayList<>();
		for (UnmanagedFindings source : sources) {
			findings.addAll(source.find(now));
		}
		if (findings.isEmpty()) {
			return;
		}
		try (PreparedStatement ps = con.prepareStatement(INSERT)) {
			for (UnmanagedFindings.Finding f : findings) {
				ps.setLong(1, f.riskPersonId());
				ps.setString(2, f.kind().name());
				ps.setString(3, f.ref());
				ps.setString(4, f.regionCode());
				ps.setTimestamp(5, Timestamp.from(f.since()));
				ps.setString(6, f.detail() == null ? null : RiskPersonWriter.truncate(f.detail(), 300));
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

}
