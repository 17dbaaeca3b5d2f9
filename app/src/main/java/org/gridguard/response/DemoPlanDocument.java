package org.gridguard.response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The documents of the demo plans: a short A4 PDF with the plan's title and its chapter headings, in Noto Sans SC
 * (shipped in the application for the venue posters), so that a demo plan opens like a real one.
 */
final class DemoPlanDocument {

	private static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	private final BaseFont font;

	DemoPlanDocument() {
		try (InputStream in = DemoPlanDocument.class.getClassLoader().getResourceAsStream(FONT)) {
			if (in == null) {
				throw new IllegalStateException("font missing from the class path: " + FONT);
			}
			font = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					in.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException(ex);
		}
	}

	byte[] pdf(String title, String edition, List<String> chapters) {
		var out = new ByteArrayOutputStream();
		var document = new Document(PageSize.A4, 60, 60, 70, 60);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle(title);
			document.open();
			var heading = new Paragraph(title, new Font(font, 18));
			heading.setAlignment(Paragraph.ALIGN_CENTER);
			heading.setSpacingAfter(8);
			document.add(heading);
			var sub = new Paragraph(edition, new Font(font, 11));
			sub.setAlignment(Paragraph.ALIGN_CENTER);
			sub.setSpacingAfter(20);
			document.add(sub);
			for (String chapter : chapters) {
				var p = new Paragraph(chapter, new Font(font, 12));
				p.setSpacingAfter(10);
				document.add(p);
			}
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("demo plan PDF failed", ex);
		}
		return out.toByteArray();
	}

}
