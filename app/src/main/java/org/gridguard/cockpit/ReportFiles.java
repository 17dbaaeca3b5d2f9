package org.gridguard.cockpit;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * The daily report as files: an XLSX workbook with one sheet per table, and a printable A4 landscape PDF with every
 * table, its Chinese text in Noto Sans SC (SIL Open Font License 1.1, shipped in the jar) with the used subset embedded,
 * so that it prints the same on any computer.
 */
@Component
class ReportFiles {

	private static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private volatile byte[] fontBytes;

	byte[] xlsx(ReportTables.Content content, ZoneId zone) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			var font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			var names = new java.util.HashSet<String>();
			int n = 0;
			for (ReportTables.Table table : content.tables()) {
				String name = WorkbookUtil.createSafeSheetName((++n) + " " + table.title());
				while (!names.add(name)) {
					name = WorkbookUtil.createSafeSheetName(n + "-" + name);
				}
				Sheet sheet = workbook.createSheet(name);
				Row title = sheet.createRow(0);
				title.createCell(0).setCellValue(content.title() + " · " + table.title());
				title.getCell(0).setCellStyle(bold);
				sheet.createRow(1).createCell(0).setCellValue(AT.format(content.at().atZone(zone)) + " · " + content.level());
				Row header = sheet.createRow(3);
				header.createCell(0).setCellValue("");
				for (int c = 0; c < table.columns().size(); c++) {
					header.createCell(c + 1).setCellValue(table.columns().get(c));
					header.getCell(c + 1).setCellStyle(bold);
				}
				int r = 4;
				for (ReportTables.Row row : table.rows()) {
					Row line = sheet.createRow(r++);
					line.createCell(0).setCellValue(row.name());
					for (int c = 0; c < row.values().size(); c++) {
						line.createCell(c + 1).setCellValue(row.values().get(c));
					}
				}
				sheet.setColumnWidth(0, 16 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("daily report workbook", ex);
		}
	}

	byte[] pdf(ReportTables.Content content, ZoneId zone) {
		var out = new ByteArrayOutputStream();
		var document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle(content.title());
			document.open();
			BaseFont base = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					font(), null);
			Font title = new Font(base, 16, Font.BOLD);
			Font heading = new Font(base, 11, Font.BOLD);
			Font cell = new Font(base, 8);
			Font small = new Font(base, 8, Font.NORMAL, Color.GRAY);
			Paragraph top = new Paragraph(content.title(), title);
			top.setAlignment(Element.ALIGN_CENTER);
			document.add(top);
			Paragraph at = new Paragraph(AT.format(content.at().atZone(zone)) + " · " + content.level(), small);
			at.setAlignment(Element.ALIGN_CENTER);
			document.add(at);
			for (ReportTables.Table table : content.tables()) {
				Paragraph name = new Paragraph(table.title(), heading);
				name.setSpacingBefore(10);
				name.setSpacingAfter(4);
				document.add(name);
				PdfPTable grid = new PdfPTable(table.columns().size() + 1);
				grid.setWidthPercentage(100);
				grid.setHeaderRows(1);
				grid.addCell(header("", cell));
				table.columns().forEach(c -> grid.addCell(header(c, cell)));
				for (ReportTables.Row row : table.rows()) {
					grid.addCell(new PdfPCell(new Phrase(row.name(), cell)));
					for (Long v : row.values()) {
						PdfPCell number = new PdfPCell(new Phrase(String.valueOf(v), cell));
						number.setHorizontalAlignment(Element.ALIGN_RIGHT);
						grid.addCell(number);
					}
				}
				document.add(grid);
			}
			document.close();
		}
		catch (DocumentException | IOException ex) {
			throw new IllegalStateException("daily report PDF", ex);
		}
		return out.toByteArray();
	}

	private static PdfPCell header(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setBackgroundColor(new Color(0xe8, 0xee, 0xf6));
		cell.setHorizontalAlignment(Element.ALIGN_CENTER);
		return cell;
	}

	private byte[] font() {
		if (fontBytes == null) {
			try (InputStream in = ReportFiles.class.getClassLoader().getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IllegalStateException("report font missing from the class path: " + FONT);
				}
				fontBytes = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return fontBytes;
	}

}
