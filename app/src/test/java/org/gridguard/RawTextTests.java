package org.gridguard;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector of the page walk finds what a reader should not see, and leaves names, addresses and masks alone.
 */
class RawTextTests {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final RawText raw = new RawText(Set.of("NEGATIVE", "CENTRAL_ISOLATION", "COMMERCE"), Set.of("已核查", "网格员"),
			Set.of("grid2"));

	private static String page(String main) {
		return "<html><body><nav aria-label=\"导航\"><a id=\"lang-en\" href=\"?lang=en\">English</a></nav><main><table><tr>"
				+ main + "</tr></table></main></body></html>";
	}

	@Test
	void findsEnumCodesProtocolIdsFieldNamesAndParameters() {
		assertThat(raw.find(page("<td>CENTRAL_ISOLATION</td><td>NEGATIVE</td><td>方案 v9_close_contact</td>"
				+ "<td>第 2 行 idNumber 缺失</td><td>lookback-4d/tolerance-0/household</td>"), ZH))
			.extracting(RawText.Finding::token)
			.contains("CENTRAL_ISOLATION", "NEGATIVE", "v9_close_contact", "idNumber", "lookback-4d", "tolerance-0");
	}

	@Test
	void findsEnglishOnAChinesePageAndChineseLabelsOnAnEnglishPage() {
		assertThat(raw.find(page("<td>registered resident</td><td>town 东城街道</td>"), ZH))
			.extracting(RawText.Finding::token)
			.contains("registered", "resident", "town");
		assertThat(raw.find(page("<span class=\"badge\">已核查</span>"), Locale.ENGLISH)).extracting(RawText.Finding::token)
			.containsExactly("已核查");
	}

	@Test
	void findsUnresolvedKeysRawInstantsAndLongTemperatures() {
		assertThat(raw.find(page("<p>control.placement.note.city</p><p>2026-12-06T00:34:03Z</p><p>36.800000000000004℃</p>"),
				ZH))
			.extracting(RawText.Finding::why)
			.contains("message key", "instant printed raw", "temperature with a tail of digits");
	}

	@Test
	void leavesNamesAddressesMasksAndMarkedDataAlone() {
		String data = "<td>网格员 胡晓燕</td><td>永康市东城街道九铃东路 1288 号 A栋</td><td>330784********123X</td>"
				+ "<td>138****1234</td><td>36.8℃</td><td>12-05 14:34</td><td>名单“list.csv”导入完成</td><td>grid2</td>"
				+ "<td translate=\"no\">KFC 肯德基 Starbucks</td><td>QR 码 · PDF · XLSX</td>";
		assertThat(raw.find(page(data), ZH)).isEmpty();
		assertThat(raw.find(page(data), Locale.ENGLISH)).isEmpty();
	}

}
