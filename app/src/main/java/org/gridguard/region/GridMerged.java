package org.gridguard.region;

/**
 * A grid was merged into another of the same village: everything placed in {@code source} now belongs to
 * {@code target}. Modules holding grid-bound data move it when they hear this.
 */
public record GridMerged(String source, String target) {
}
