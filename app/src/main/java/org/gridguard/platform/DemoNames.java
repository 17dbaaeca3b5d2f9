package org.gridguard.platform;

import java.util.SplittableRandom;

/**
 * Plausible Chinese names and mobile numbers for the demo city. Surnames are weighted towards those common in
 * central Zhejiang (胡, 应, 吕, 李, 陈, 徐, 程, 朱 …); given names are one or two characters.
 */
public final class DemoNames {

	private static final String COMMON_SURNAMES = "胡应吕李陈徐程朱王张楼周施金俞黄杨吴郑潘刘卢蒋方林颜赵叶何孙章";

	private static final String OTHER_SURNAMES = "马高罗梁宋唐许韩冯邓曹彭曾肖田董袁于杜丁任沈姚姜崔钟谭陆汪范石廖贾夏付白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤";

	private static final String MALE = "伟强军磊洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志文斌海峰浩然子轩宇航俊杰晨阳家豪";

	private static final String FEMALE = "芳娜敏静丽艳娟霞秀燕玲桂英丹萍红玉兰梅琳雪婷颖慧莉倩洁琴云凤佳欣怡梓涵雨萱紫琪思彤可馨";

	private static final String MIDDLE = "建国志海晓立永春新德文明家世宏玉雅美淑秀慧丽晨子思欣雨梦嘉佳俊浩天";

	private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139",
			"150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "170", "173", "176", "177", "178",
			"180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199" };

	private DemoNames() {
	}

	public static String surname(SplittableRandom random) {
		if (random.nextInt(100) < 70) {
			return String.valueOf(COMMON_SURNAMES.charAt(random.nextInt(COMMON_SURNAMES.length())));
		}
		return String.valueOf(OTHER_SURNAMES.charAt(random.nextInt(OTHER_SURNAMES.length())));
	}

	public static String givenName(SplittableRandom random, boolean male) {
		String pool = male ? MALE : FEMALE;
		String last = String.valueOf(pool.charAt(random.nextInt(pool.length())));
		if (random.nextInt(100) < 30) {
			return last;
		}
		return MIDDLE.charAt(random.nextInt(MIDDLE.length())) + last;
	}

	public static String fullName(SplittableRandom random, boolean male) {
		return surname(random) + givenName(random, male);
	}

	public static String mobile(SplittableRandom random) {
		return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + "%08d".formatted(random.nextInt(100_000_000));
	}

}
