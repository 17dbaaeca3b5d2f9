package org.gridguard.person;

/**
 * Kinds of identity document ({@code person.idType.<NAME>} message keys).
 */
public enum IdType {

	/** 居民身份证 (GB 11643), 18 characters with a check character. */
	RESIDENT_ID,
	/** 护照. */
	PASSPORT,
	/** 港澳居民来往内地通行证: H or M and 8 or 10 digits. */
	HK_MACAO_PERMIT,
	/** 台湾居民来往大陆通行证: 8 digits (or 10 characters). */
	TAIWAN_PERMIT,
	/** 外国人永久居留身份证: 15 or 18 characters. */
	FOREIGNER_PERMANENT

}
