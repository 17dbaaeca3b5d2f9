package org.gridguard.venue;

/**
 * Masks a name for screens that strangers may see (the entrance screen, the visitor log): 张* , 王*明, 欧阳**.
 */
final class Masking {

	private Masking() {
	}

	static String name(String name) {
		int[] cps = name.strip().codePoints().toArray();
		if (cps.length == 0) {
			return "*";
		}
		if (cps.length == 1) {
			return new String(cps, 0, 1) + "*";
		}
		if (cps.length == 2) {
			return new String(cps, 0, 1) + "*";
		}
		return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
	}

}
