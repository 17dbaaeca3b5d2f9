package org.gridguard.platform;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.gridguard.TestWorkbooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridguard.TestWorkbooks.cell;
import static org.gridguard.TestWorkbooks.row;

/**
 * Reading uploads within bounds: a small file that asks for a huge table (a cell at column ZZZZZZ, a line of a
 * million commas, a shared-strings table claiming two billion entries) is refused naming the row or cell, without
 * the allocation it asks for; ordinary files read as before.
 */
class TableFileTests {

	private static final Messages MESSAGES = messages();

	/** Allocation allowed for refusing a small hostile file: far below what it asks for (gigabytes). */
	private static final long SMALL_ALLOCATION = 16L * 1024 * 1024;

	/** POI's classes and schema types load on first use; that is not what a file costs. */
	@BeforeAll
	static void loadTheReaders() throws TableFile.Unreadable {
		TableFile.read("warm.xlsx", TestWorkbooks.withSheetData(row(1, cell("A1", "姓名")) + row(2, cell("B2", "张三"))));
		TableFile.read("warm.csv", "姓名\n张三\n".getBytes(StandardCharsets.UTF_8));
	}

	@BeforeEach
	void chinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aCellAtAFarColumnIsRefusedNamingItWithoutAllocatingTheGap() {
		byte[] xlsx = TestWorkbooks.withSheetData(
				row(1, cell("A1", "姓名"), cell("B1", "身份证号")) + row(2, cell("ZZZZZZ2", "x")));
		assertThat(xlsx.length).isLessThan(2048);

		long before = allocated();
		TableFile.Unreadable refused = catchThrowableOfType(TableFile.Unreadable.class, () -> TableFile.read("far.xlsx", xlsx));
		long allocated = allocated() - before;

		assertThat(refused).isNotNull();
		assertThat(refused.describe(MESSAGES)).isEqualTo("单元格 ZZZZZZ2 超出第 200 列：每行最多 200 列，请删除表格右侧的多余内容");
		assertThat(allocated).isLessThan(SMALL_ALLOCATION);
	}

	@Test
	void aRowWithMoreCellsThanColumnsAllowedIsRefusedNamingTheRow() {
		var cells = new StringBuilder();
		for (int i = 0; i < 201; i++) {
			cells.append(cell("A3", "x"));   // the same cell again and again
		}
		byte[] xlsx = TestWorkbooks.withSheetData(row(1, cell("A1", "姓名")) + row(2, cell("A2", "张三")) + row(3, cells.toString()));
		assertThatThrownBy(() -> TableFile.read("many.xlsx", xlsx)).isInstanceOfSatisfying(TableFile.Unreadable.class,
				ex -> assertThat(ex.describe(MESSAGES)).isEqualTo("第 3 行超过 200 列：每行最多 200 列"));
	}

	@Test
	void moreRowsThanAllowedAreRefusedNamingTheFirstRowTooMany() {
		var limits = new TableFile.Limits(3, 200, 1000, 100_000);
		var sheet = new StringBuilder(row(1, cell("A1", "姓名")));
		for (int r = 2; r <= 6; r++) {
			sheet.append(row(r, cell("A" + r, "人" + r)));
		}
		assertThatThrownBy(() -> TableFile.read("rows.xlsx", TestWorkbooks.withSheetData(sheet.toString()), limits))
			.isInstanceOfSatisfying(TableFile.Unreadable.class,
					ex -> assertThat(ex.describe(MESSAGES)).isEqualTo("文件超过 3 行（第 5 行起）：请拆分后分批导入"));
		byte[] csv = "姓名\n甲\n乙\n丙\n丁\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> TableFile.read("rows.csv", csv, limits)).isInstanceOfSatisfying(TableFile.Unreadable.class,
				ex -> assertThat(ex.describe(MESSAGES)).isEqualTo("文件超过 3 行（第 5 行起）：请拆分后分批导入"));
	}

	@Test
	void aCsvLineOfAMillionCommasIsRefusedBeforeItsFieldsAreBuilt() {
		byte[] csv = ("姓名,身份证号\n张三,1\n" + ",".repeat(1_000_000) + "\n").getBytes(StandardCharsets.UTF_8);
		long before = allocated();
		TableFile.Unreadable refused = catchThrowableOfType(TableFile.Unreadable.class, () -> TableFile.read("commas.csv", csv));
		long allocated = allocated() - before;
		assertThat(refused).isNotNull();
		assertThat(refused.describe(MESSAGES)).isEqualTo("第 3 行超过 200 列：每行最多 200 列");
		assertThat(allocated).isLessThan(SMALL_ALLOCATION);
	}

	@Test
	void aSharedStringsTableClaimingBillionsOfEntriesCostsOnlyWhatItHolds() {
		byte[] xlsx = TestWorkbooks.workbook(row(1, "<c r=\"A1\" t=\"s\"><v>0</v></c>") + row(2, "<c r=\"A2\" t=\"s\"><v>1</v></c>"),
				"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2000000000\" "
						+ "uniqueCount=\"2000000000\"><si><t>姓名</t></si><si><r><t>张</t></r><r><t>三</t></r>"
						+ "<rPh><t>zhang</t></rPh></si></sst>");
		long before = allocated();
		TableFile file = assertReadable("strings.xlsx", xlsx);
		assertThat(allocated() - before).isLessThan(SMALL_ALLOCATION);
		assertThat(file.headers()).containsExactly("姓名");
		assertThat(file.rows()).singleElement().satisfies(r -> assertThat(r.cells()).containsExactly("张三"));
	}

	@Test
	void aCellLongerThanExcelAllowsIsRefusedNamingIt() {
		byte[] xlsx = TestWorkbooks.withSheetData(row(1, cell("A1", "姓名")) + row(2, cell("B2", "长".repeat(40_000))));
		assertThatThrownBy(() -> TableFile.read("long.xlsx", xlsx)).isInstanceOfSatisfying(TableFile.Unreadable.class,
				ex -> assertThat(ex.describe(MESSAGES)).isEqualTo("单元格 B2 超过 32,767 个字符"));
	}

	@Test
	void cellsAreReadInTheirColumnsWithTheGapsFilled() {
		byte[] xlsx = TestWorkbooks.withSheetData(row(1, cell("A1", "姓名"), cell("C1", "地址"))
				+ row(3, cell("C3", "东城街道"), cell("A3", "李四")) + row(4, "<c t=\"inlineStr\"><is><t>王五</t></is></c>"));
		TableFile file = assertReadable("gaps.xlsx", xlsx);
		assertThat(file.headers()).containsExactly("姓名", "", "地址");
		assertThat(file.rows()).extracting(TableFile.Row::number).containsExactly(3, 4);
		assertThat(file.rows().get(0).cells()).containsExactly("李四", "", "东城街道");
		assertThat(file.rows().get(1).cell(0)).isEqualTo("王五");
	}

	@Test
	void quotedCsvFieldsMayHoldCommasLineBreaksAndQuotes() {
		byte[] csv = "姓名,地址,备注\n张三,\"永康市,东城街道\n1号\",\"他说\"\"好\"\"\"\n李\"四,x,y\n".getBytes(StandardCharsets.UTF_8);
		TableFile file = assertReadable("quoted.csv", csv, new TableFile.Limits(10, 3, 100, 1000));
		assertThat(file.rows()).hasSize(2);
		assertThat(file.rows().get(0).cells()).containsExactly("张三", "永康市,东城街道\n1号", "他说\"好\"");
		assertThat(file.rows().get(1).cells()).containsExactly("李\"四", "x", "y");
	}

	private static TableFile assertReadable(String name, byte[] content) {
		return assertReadable(name, content, TableFile.Limits.DEFAULT);
	}

	private static TableFile assertReadable(String name, byte[] content, TableFile.Limits limits) {
		try {
			return TableFile.read(name, content, limits);
		}
		catch (TableFile.Unreadable ex) {
			throw new AssertionError(ex.describe(MESSAGES), ex);
		}
	}

	private static long allocated() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

	static Messages messages() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/platform");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return new Messages(source);
	}

}
