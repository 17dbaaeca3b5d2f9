package org.gridguard.person;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridguard.TestHttp;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.shared.IdNumber;
import org.gridguard.shared.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Registering, finding and re-gridding residents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResidentIntegrationTests {

	private static final Jurisdiction CITY = Jurisdiction.system();

	@LocalServerPort
	int port;

	@Autowired
	PersonManagement persons;

	@Autowired
	RegionManagement regions;

	@Test
	void demoResidentsHaveValidIdentityNumbersOfTheCity() {
		var page = persons.search(CITY, new PersonQuery(null, "330784", null), new Paging(0, 200));
		assertThat(page.total()).isGreaterThanOrEqualTo(3000);
		for (Person p : page.items()) {
			if (!p.resident()) {
				continue; // pushed or scanned persons placed in a queue while unplaced
			}
			String id = persons.idNumberOf(p.id()).orElseThrow();
			assertThat(IdNumber.parse(id, LocalDate.now()).valid()).as(id).isTrue();
			assertThat(id).startsWith("330784");
			assertThat(p.regionCode()).hasSize(15);
			assertThat(p.idMasked()).isEqualTo(IdNumber.mask(id));
		}
	}

	@Test
	void everyProblemOfARegistrationIsNamedByField() {
		InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> persons.createResident(
				new NewResident("", IdType.RESIDENT_ID, "330784199001011234", "12345", "330784999999999", "", null), CITY));
		assertThat(refused.problems()).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("name", "idNumber", "phone", "gridCode", "address");
		assertThat(refused.problems()).filteredOn(p -> p.field().equals("idNumber"))
			.extracting(FieldProblem::message)
			.containsExactly("身份证号校验位错误：最后一位应为 1");
	}

	@Test
	void theRegistrationPageShowsTheReasonAndKeepsWhatWasTyped() {
		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		String page = admin.post("/residents", Map.of("name", "应小明", "idType", "RESIDENT_ID",
				"idNumber", "33078419900230123X", "phone", "13805791111", "gridCode", "330784001001001",
				"address", "园丁社区1幢")).body();
		assertThat(page).contains("身份证号中的出生日期不存在").contains("value=\"应小明\"").contains("value=\"13805791111\"");
	}

	@Test
	void aRegisteredResidentIsFoundByNameNumberPhoneAndMaskedNumber() {
		String first17 = "33078419850612" + "271";
		String id = first17 + IdNumber.checkCharacter(first17);
		Person created = persons.createResident(new NewResident("程一鸣", IdType.RESIDENT_ID, id, "+86 139 0579 8888",
				"330784107200001", "舟山镇某村 8号", null), CITY);
		assertThat(created.regionCode()).isEqualTo("330784107200001");
		assertThat(created.birthYear()).isEqualTo(1985);
		assertThat(created.gender()).isEqualTo("M");
		for (String text : List.of("程一鸣", id, "13905798888", "330*************" + id.substring(16))) {
			assertThat(persons.search(CITY, new PersonQuery(text, null, null), new Paging(0, 500)).items())
				.as(text)
				.extracting(Person::id)
				.contains(created.id());
		}
		assertThatThrownBy(() -> persons.createResident(new NewResident("程一鸣", IdType.RESIDENT_ID, id, null,
				"330784107200001", "x", null), CITY)).isInstanceOf(InvalidInput.class).hasMessageContaining("已登记");

		TestHttp admin = TestHttp.signedIn(port, "admin", "admin-test-password");
		String list = admin.get("/residents?q=" + URLEncoder.encode("程一鸣", StandardCharsets.UTF_8)).body();
		assertThat(list).contains("程一鸣").contains("139****8888").doesNotContain(id);
	}

	@Test
	void splittingAGridMovesTheChosenHouseholdsWithTheirMembers() {
		String grid = "330784108200001";
		Person a = resident("古山甲", "19700101", grid);
		Person b = resident("古山乙", "19710202", grid);
		Household moving = persons.household(a.householdId(), CITY);
		Household staying = persons.household(b.householdId(), CITY);
		var created = persons.splitGrid(grid, List.of(moving.id()), "古山镇新网格", CITY);
		assertThat(created.parentCode()).isEqualTo("330784108200");
		assertThat(persons.members(moving.id())).isNotEmpty()
			.allSatisfy(p -> assertThat(p.regionCode()).isEqualTo(created.code()));
		assertThat(persons.members(staying.id())).allSatisfy(p -> assertThat(p.regionCode()).isEqualTo(grid));
	}

	@Test
	void mergingGridsMovesTheirResidents() throws Exception {
		String village = "330784109200";
		String source = village + "002";
		String target = village + "001";
		resident("方岩丙", "19800303", source);
		long before = persons.countLivingIn(source);
		assertThat(before).isPositive();
		long targetBefore = persons.countLivingIn(target);
		regions.merge(source, target, CITY);
		long deadline = System.currentTimeMillis() + 10_000;
		while (persons.countLivingIn(source) > 0 && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(persons.countLivingIn(source)).isZero();
		assertThat(persons.countLivingIn(target)).isEqualTo(targetBefore + before);
	}

	@Test
	void aNonResidentPushedPersonIsRegisteredOnceAndMatchedLater() {
		String first17 = "11010519750301004";
		var doc = new IdDocument(IdType.RESIDENT_ID, first17 + IdNumber.checkCharacter(first17));
		long[] ids = persons.resolveAll(List.of(new PersonInput(doc, "外地人", "13611112222", null),
				new PersonInput(doc, "外地人", null, null)), "test");
		assertThat(ids[0]).isEqualTo(ids[1]);
		long[] again = persons.resolveAll(List.of(new PersonInput(doc, "改名", null, null)), "test");
		assertThat(again[0]).isEqualTo(ids[0]);
		Person person = persons.find(ids[0]).orElseThrow();
		assertThat(person.resident()).isFalse();
		assertThat(person.name()).isEqualTo("外地人");
		assertThat(person.regionCode()).isNull();
	}

	private Person resident(String name, String birth, String grid) {
		String first17 = "330784" + birth + "%03d".formatted(101 + Math.floorMod(name.hashCode(), 400) * 2);
		String id = first17 + IdNumber.checkCharacter(first17);
		return persons.createResident(new NewResident(name, IdType.RESIDENT_ID, id, null, grid, name + "家", null), CITY);
	}

}
