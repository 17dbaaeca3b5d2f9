package org.gridguard.venue;

import org.gridguard.shared.Sector;

/**
 * Kinds of venue, with the department that answers for them (部门 of the four parties) and the default routine test
 * (NAT) interval of their staff in days (金华 2022, rules §8.1; {@code gridguard.venue.nat-days.<NAME>} overrides).
 * Special places (特殊场所) can be put under closed management. Message keys: {@code venue.category.<NAME>}.
 */
public enum VenueCategory {

	/** 商场超市. */
	MALL_SUPERMARKET(Sector.COMMERCE, 3, false),
	/** 农贸市场 / 专业市场. */
	MARKET(Sector.MARKET_REGULATION, 3, false),
	/** 医疗机构: all medical staff daily. */
	MEDICAL(Sector.HEALTH, 1, false),
	/** 交通场站: bus and coach stations every 3 days (airports daily, rail every 2 days: override per deployment). */
	TRANSPORT_HUB(Sector.TRANSPORT, 3, false),
	/** 酒店宾馆. */
	HOTEL(Sector.CULTURE_TOURISM, 3, false),
	/** 学校 / 托幼: no published interval; weekly assumed. */
	SCHOOL(Sector.EDUCATION, 7, false),
	/** 文体娱乐: cinemas, KTV, internet cafés, gyms. */
	CULTURE_SPORTS(Sector.CULTURE_TOURISM, 3, false),
	/** 快递外卖. */
	DELIVERY(Sector.POSTAL, 3, false),
	/** 建筑工地、工业企业: closed-loop production. */
	WORKSITE(Sector.ECONOMY, 7, false),
	/** 冷链 / 进口物品. */
	COLD_CHAIN(Sector.MARKET_REGULATION, 2, false),
	/** 零售药店: sentinel pharmacies with real-name purchase registration. */
	PHARMACY(Sector.MARKET_REGULATION, 3, false),
	/** 集中隔离场所. */
	QUARANTINE_SITE(Sector.HEALTH, 1, false),
	/**
	 * 会议活动: the temporary place of an approved meeting or event, registered by the meetings-and-events module so
	 * that attendees check in through the event's code and tracing treats the event as a place and time.
	 */
	EVENT(Sector.CULTURE_TOURISM, 3, false),
	/** 养老机构 (special place). */
	CARE_HOME(Sector.CIVIL_AFFAIRS, 7, true),
	/** 福利院 / 儿童福利机构 (special place). */
	WELFARE_HOME(Sector.CIVIL_AFFAIRS, 7, true),
	/** 精神卫生（专科）机构 (special place). */
	MENTAL_HEALTH(Sector.HEALTH, 7, true),
	/** 监所 (special place). */
	DETENTION(Sector.JUSTICE, 7, true);

	private final Sector sector;

	private final int natDays;

	private final boolean special;

	VenueCategory(Sector sector, int natDays, boolean special) {
		this.sector = sector;
		this.natDays = natDays;
		this.special = special;
	}

	/** The department that answers for venues of this kind by default. */
	public Sector sector() {
		return sector;
	}

	/** Default days between routine tests of the staff (1 = daily). */
	public int defaultNatDays() {
		return natDays;
	}

	/** Special places (养老、福利、精神卫生、监所) can be put under closed management. */
	public boolean special() {
		return special;
	}

	public String messageKey() {
		return "venue.category." + name();
	}

}
