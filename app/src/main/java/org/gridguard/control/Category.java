package org.gridguard.control;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Categories of risk person (rules §1.1), plus the categories the platform's own rules create. Message keys:
 * {@code control.category.<NAME>}.
 */
public enum Category {

	/** 密切接触者. */
	CLOSE_CONTACT("密接", "密切接触者"),
	/** 密接的密接 (次密接). */
	SECONDARY_CONTACT("次密接", "密接的密接"),
	/** 一般接触者. */
	GENERAL_CONTACT("一般接触者", "一般接触"),
	/** 时空伴随者. */
	SPACETIME_COMPANION("时空伴随", "时空伴随者"),
	/** 入境人员. */
	INBOUND("入境", "入境人员"),
	/** 高风险区旅居史. */
	HIGH_RISK_AREA_TRAVELER("高风险区", "高风险区旅居史", "高风险地区来返人员"),
	/** 中风险区旅居史. */
	MID_RISK_AREA_TRAVELER("中风险区", "中风险区旅居史", "中风险地区来返人员"),
	/** 低风险区旅居史. */
	LOW_RISK_AREA_TRAVELER("低风险区", "低风险区旅居史"),
	/** 风险职业人群. */
	HIGH_RISK_JOB("风险职业", "风险职业人群"),
	/** Bought fever, cough or antiviral medicine at a sentinel pharmacy. */
	SENTINEL_BUYER("哨点购药", "购买退热药"),
	/** A pooled sample tested positive: single retest and check. */
	POOL_POSITIVE("混采阳性");

	private final String[] chineseNames;

	Category(String... chineseNames) {
		this.chineseNames = chineseNames;
	}

	/** Reads a category from a list cell: the code ({@code CLOSE_CONTACT}) or a Chinese name (密接, 密切接触者 …). */
	public static @Nullable Category parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		for (Category c : values()) {
			if (c.name().equals(t.toUpperCase(Locale.ROOT))) {
				return c;
			}
			for (String name : c.chineseNames) {
				if (name.equals(t)) {
					return c;
				}
			}
		}
		return null;
	}

}
