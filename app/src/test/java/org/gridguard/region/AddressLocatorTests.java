package org.gridguard.region;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the town and village an address names, with the real names that trip a naive reading: villages named like
 * towns (龙山村 of 唐先镇 beside the town 龙山镇), communities whose short name is inside a town's name (石柱 in 石柱镇),
 * and villages sharing one name (芝英一村 is both a 居委会 and a 村委会).
 */
class AddressLocatorTests {

	private static Region town(String code, String name) {
		return new Region(code, name, RegionLevel.TOWN, "TOWNSHIP", "330784", true);
	}

	private static Region village(String code, String name) {
		return new Region(code, name, RegionLevel.VILLAGE, name.endsWith("村委会") ? "VILLAGE" : "COMMUNITY",
				code.substring(0, 9), true);
	}

	private static final Map<String, List<Region>> TREE = Map.of(
			"330784001", List.of(village("330784001001", "园丁社区居委会")),
			"330784105", List.of(village("330784105001", "石柱居委会"), village("330784105200", "石柱村委会"),
					village("330784105202", "江瑶村委会")),
			"330784110", List.of(village("330784110200", "下里溪村委会")),
			"330784113", List.of(village("330784113218", "龙山村委会")),
			"330784115", List.of(village("330784115001", "芝英一村居委会"), village("330784115201", "芝英一村委会")));

	private final AddressLocator locator = new AddressLocator(
			new Region("330784", "永康市", RegionLevel.CITY, "CITY", null, true),
			List.of(town("330784001", "东城街道"), town("330784105", "石柱镇"), town("330784110", "龙山镇"),
					town("330784113", "唐先镇"), town("330784115", "芝英镇")),
			code -> TREE.getOrDefault(code, List.of()));

	@Test
	void aCommunityAddressGivesTheVillageAndTheBuildingUnitAndRoom() {
		AddressLocator.Located at = locator.locate("永康市东城街道园丁社区2幢1单元602室");
		assertThat(at.villageCodes()).containsExactly("330784001001");
		assertThat(at.townCode()).isEqualTo("330784001");
		assertThat(at.remainder()).isEqualTo("2幢1单元602");
	}

	@Test
	void theSameHouseholdWrittenOtherWaysHasTheSameKey() {
		String key = locator.householdKey("园丁社区2幢1单元602室", "330784001001");
		assertThat(key).isEqualTo("2幢1单元602");
		assertThat(locator.locate("浙江省金华市永康市东城街道 园丁社区 2-1-602").remainder()).isEqualTo(key);
		assertThat(locator.locate("永康市园丁社区２栋１单元６０２").remainder()).isEqualTo(key);
		assertThat(locator.locate("园丁社区2号楼1单元602室").remainder()).isEqualTo(key);
	}

	@Test
	void aVillageInsideTheTownNamedWinsOverTheTownWhoseNameItShares() {
		AddressLocator.Located at = locator.locate("永康市石柱镇江瑶村5号");
		assertThat(at.villageCodes()).containsExactly("330784105202");
		assertThat(at.remainder()).isEqualTo("5");
		AddressLocator.Located longshan = locator.locate("永康市唐先镇龙山村8号");
		assertThat(longshan.villageCodes()).as("龙山村 of 唐先镇, not the town 龙山镇").containsExactly("330784113218");
		assertThat(longshan.townCode()).isEqualTo("330784113");
	}

	@Test
	void aCommunityWhoseNameIsPartOfTheTownsIsNotReadIntoTheTown() {
		AddressLocator.Located town = locator.locate("永康市石柱镇");
		assertThat(town.villageCodes()).isEmpty();
		assertThat(town.townCode()).isEqualTo("330784105");
		assertThat(locator.locate("永康市石柱镇石柱村3号").villageCodes()).containsExactly("330784105200");
		assertThat(locator.locate("永康市龙山镇下里溪村").villageCodes()).containsExactly("330784110200");
	}

	@Test
	void villagesSharingANameAreAllReturned() {
		assertThat(locator.locate("永康市芝英镇芝英一村12号").villageCodes())
			.containsExactlyInAnyOrder("330784115001", "330784115201");
	}

	@Test
	void placesElsewhereAndUnrecognisedAddressesAreToldApart() {
		AddressLocator.Located yiwu = locator.locate("浙江省义乌市稠城街道");
		assertThat(yiwu.elsewhere()).isTrue();
		assertThat(yiwu.inCity()).isFalse();
		AddressLocator.Located unknown = locator.locate("永康市某某路8号");
		assertThat(unknown.inCity()).isTrue();
		assertThat(unknown.elsewhere()).isFalse();
		assertThat(unknown.hasVillage()).isFalse();
	}

}
