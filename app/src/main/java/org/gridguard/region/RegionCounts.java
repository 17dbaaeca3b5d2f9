package org.gridguard.region;

/**
 * What lies below a node of the tree: active towns, villages, grids, and grid workers.
 */
public record RegionCounts(long towns, long villages, long grids, long workers) {
}
