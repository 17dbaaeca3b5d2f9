package org.gridguard.region;

/**
 * Levels of the administrative tree, with the length of their codes.
 */
public enum RegionLevel {

	/** 县级市, e.g. 永康市 330784. */
	CITY(6),
	/** 镇 or 街道, 9 digits. */
	TOWN(9),
	/** 村委会 or 居委会 (社区), 12 digits. */
	VILLAGE(12),
	/** 网格, 15 digits: the village code and a local sequence. */
	GRID(15);

	private final int codeLength;

	RegionLevel(int codeLength) {
		this.codeLength = codeLength;
	}

	public int codeLength() {
		return codeLength;
	}

	public static RegionLevel ofCode(String code) {
		for (RegionLevel level : values()) {
			if (level.codeLength == code.length()) {
				return level;
			}
		}
		throw new IllegalArgumentException("not a region code: " + code);
	}

}
