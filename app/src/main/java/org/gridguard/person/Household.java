package org.gridguard.person;

/**
 * A household (户): an address in a grid, and the persons registered in it.
 */
public record Household(long id, String gridCode, String address, int members) {
}
