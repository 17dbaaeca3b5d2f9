package org.gridguard.shared;

/**
 * The government departments (行业主管部门) that answer for venues of their sector: the 部门 of the four-party
 * responsibility. Message keys: {@code sector.<NAME>}.
 */
public enum Sector {

	/** 商务局: malls, supermarkets. */
	COMMERCE,
	/** 市场监管局: markets, pharmacies, cold chain. */
	MARKET_REGULATION,
	/** 卫健局: hospitals, clinics, quarantine sites. */
	HEALTH,
	/** 民政局: care homes, welfare homes. */
	CIVIL_AFFAIRS,
	/** 交通运输局: stations. */
	TRANSPORT,
	/** 教育局: schools, kindergartens. */
	EDUCATION,
	/** 文广旅体局: hotels, culture and sports venues. */
	CULTURE_TOURISM,
	/** 住建局: construction sites. */
	CONSTRUCTION,
	/** 经信局: factories and enterprises. */
	ECONOMY,
	/** 邮政管理局: express delivery. */
	POSTAL,
	/** 司法局 / 公安局: prisons and detention. */
	JUSTICE

}
