package org.gridguard.platform;

/**
 * A module's share of the demo city. Each contributor runs once per database, in ascending {@link #order()}, when
 * demo mode is on ({@code gridguard.demo.enabled=true}); its {@link #key()} is recorded so it never runs twice.
 * Contributors must be deterministic: seed every random source from a constant so that two fresh starts produce
 * the same city.
 */
public interface DemoDataContributor {

	/** Stable identifier, versioned when the data changes shape, e.g. {@code region.grids.v1}. */
	String key();

	/** Lower runs first. Region 100, person 200, control 300, venue 400, tracing 500; leave gaps. */
	int order();

	/** Loads the data, inside one transaction. */
	void load();

}
