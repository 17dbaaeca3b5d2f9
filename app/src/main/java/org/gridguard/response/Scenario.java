package org.gridguard.response;

/**
 * What an emergency plan or a drill is about. Message keys: {@code response.scenario.<NAME>}.
 */
public enum Scenario {

	/** 本土疫情处置: a local case, from the first report to the closing of risk areas. */
	LOCAL_OUTBREAK,
	/** 区域全员核酸检测. */
	MASS_TESTING,
	/** 集中隔离场所: opening, running and emergencies of quarantine sites. */
	CENTRAL_QUARANTINE,
	/** 特殊场所: care homes, welfare homes, mental health institutions, detention. */
	SPECIAL_PLACES,
	/** 学校及托幼机构. */
	SCHOOLS,
	/** 冷链及进口物品. */
	COLD_CHAIN,
	/** 境外输入. */
	INBOUND,
	/** 应急物资保障. */
	SUPPLIES,
	/** 其他. */
	OTHER;

	public String messageKey() {
		return "response.scenario." + name();
	}

}
