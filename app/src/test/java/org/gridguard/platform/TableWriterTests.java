package org.gridguard.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files we write are safe to open: a cell that a spreadsheet would run as a formula is written as text with an
 * apostrophe in front, in CSV and in XLSX; numbers stay numbers; and the file reads back as it was written.
 */
class TableWriterTests {

	private static final List<Object> HEADER = List.of("姓名", "身份证号", "备注");

	private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"点击\")", "+1+1", "-2+3", "@SUM(A1)",
			"\tcmd", "\rcmd", "普通文字");

	@Test
	void formulaCellsInACsvFileAreWrittenAsText() {
		String csv = new String(write(TableWriter.Format.CSV), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF姓名,身份证号,备注");
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tcmd",
				"\"'\rcmd\"", "普通文字", ",-5");
		assertThat(csv).doesNotContain(",=", ",+", ",@", "\n=");
	}

	@Test
	void formulaCellsInAnXlsxFileAreTextCellsWithTheApostrophe() throws Exception {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(write(TableWriter.Format.XLSX)))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
			var row = sheet.getRow(1);
			for (int i = 0; i < HOSTILE.size(); i++) {
				var cell = row.getCell(i);
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				String expected = HOSTILE.get(i).equals("普通文字") ? "普通文字" : "'" + HOSTILE.get(i);
				assertThat(cell.getStringCellValue()).isEqualTo(expected);
			}
			assertThat(row.getCell(HOSTILE.size()).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(HOSTILE.size()).getNumericCellValue()).isEqualTo(-5.0);
		}
	}

	@Test
	void aWrittenFileReadsBackAsItWasWritten() throws Exception {
		for (TableWriter.Format format : TableWriter.Format.values()) {
			TableFile file = TableFile.read("back." + format.extension(), write(format));
			assertThat(file.headers()).containsExactly("姓名", "身份证号", "备注");
			var expected = new java.util.ArrayList<>(HOSTILE);
			expected.add("-5");
			assertThat(file.rows()).singleElement().satisfies(r -> assertThat(r.cells()).containsExactlyElementsOf(expected));
		}
	}

	@Test
	void controlCharactersBecomeAVisibleReplacementCharacter() {
		assertThat(TableWriter.neutralise("张\u0000三\u001F")).isEqualTo("张\uFFFD三\uFFFD");
		assertThat(TableWriter.neutralise("第一行\r\n第二行\t")).isEqualTo("第一行\r\n第二行\t");
		assertThat(TableWriter.neutralise("\u0000=1")).isEqualTo("\uFFFD=1");
		assertThat(TableWriter.neutralise("")).isEmpty();
	}

	private static byte[] write(TableWriter.Format format) {
		var out = new ByteArrayOutputStream();
		try (TableWriter writer = TableWriter.open(format, out)) {
			writer.row(HEADER);
			var row = new java.util.ArrayList<Object>(HOSTILE);
			row.add(-5);
			writer.row(row);
		}
		return out.toByteArray();
	}

	@Test
	void anXlsxFileStreamedRowByRowKeepsMarkupLineBreaksAndColumnsPastZ() throws Exception {
		var out = new ByteArrayOutputStream();
		var wide = new java.util.ArrayList<Object>();
		for (int i = 0; i < 30; i++) {
			wide.add(i == 27 ? "a<b>&c\r\n第二行" : i);
		}
		try (TableWriter writer = TableWriter.open(TableWriter.Format.XLSX, out)) {
			writer.row(List.of("表头"));
			writer.flush();
			assertThat(out.size()).as("the file has started before it is finished").isPositive();
			writer.row(wide);
		}
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var row = workbook.getSheetAt(0).getRow(1);
			assertThat(row.getLastCellNum()).isEqualTo((short) 30);
			assertThat(row.getCell(27).getStringCellValue()).isEqualTo("a<b>&c\r\n第二行");
			assertThat(row.getCell(29).getNumericCellValue()).isEqualTo(29.0);
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
		}
		assertThat(XlsxStream.column(0)).isEqualTo("A");
		assertThat(XlsxStream.column(26)).isEqualTo("AA");
		assertThat(XlsxStream.column(16383)).isEqualTo("XFD");
	}

	@Test
	void formatsAreNamedByTheirExtension() {
		assertThat(Arrays.stream(TableWriter.Format.values()).map(f -> TableWriter.Format.of(f.extension().toUpperCase())))
			.containsExactly(TableWriter.Format.CSV, TableWriter.Format.XLSX);
		assertThat(TableWriter.Format.of("pdf")).isNull();
	}

}
