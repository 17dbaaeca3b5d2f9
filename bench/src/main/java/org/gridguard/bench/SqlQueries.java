package org.gridguard.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL reference queries over {@code checkin(venue, person, t_in, t_out)} (int seconds, stays already resolved and
 * capped), written straight from the contact rule; the same text runs on PostgreSQL and DuckDB.
 *
 * <p>{@code c.t_in > i.t_in - T - 14400} is implied by the rule and the 4 h cap ({@code t_out <= t_in + 14400}); it
 * only lets a btree on {@code (venue, t_in)} bound the scan from below, as the index does. {@code DISTINCT ON} with
 * {@code ORDER BY ..., overlap start, venue, overlap end} keeps each pair's earliest co-presence with the documented
 * tie rule.
 */
final class SqlQueries {

	static final int MAX_STAY = 14_400;

	private static final String JOIN = """
			FROM checkin i
			JOIN checkin c ON c.venue = i.venue
				AND c.t_in > i.t_in - ? - %d
				AND c.t_in < i.t_out + ?
				AND c.t_out > i.t_in - ?
			""".formatted(MAX_STAY);

	static final String Q1 = """
			SELECT DISTINCT ON (c.person) c.person, i.venue, greatest(i.t_in, c.t_in) AS os, least(i.t_out, c.t_out) AS oe
			""" + JOIN + """
			WHERE i.person = ? AND c.person <> i.person
			ORDER BY c.person, os, i.venue, oe
			""";

	private SqlQueries() {
	}

	static String q2(int[] persons) {
		StringBuilder in = new StringBuilder();
		for (int p : persons) {
			in.append(in.length() == 0 ? "" : ",").append(p);
		}
		return """
				SELECT DISTINCT ON (i.person, c.person) i.person, c.person, i.venue,
					greatest(i.t_in, c.t_in) AS os, least(i.t_out, c.t_out) AS oe
				""" + JOIN.replace("?", "0") + """
				WHERE i.person IN (%s) AND c.person <> i.person
				ORDER BY i.person, c.person, os, i.venue, oe
				""".formatted(in);
	}

	static void q1(PreparedStatement statement, int person, int tolerance, ContactRows out) throws SQLException {
		statement.setInt(1, tolerance);
		statement.setInt(2, tolerance);
		statement.setInt(3, tolerance);
		statement.setInt(4, person);
		try (ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				out.accept(person, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
			}
		}
	}

	static void q2(Connection connection, int[] persons, ContactRows out) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.setFetchSize(100_000);
			try (ResultSet rs = statement.executeQuery(q2(persons))) {
				while (rs.next()) {
					out.accept(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
				}
			}
		}
	}
}
