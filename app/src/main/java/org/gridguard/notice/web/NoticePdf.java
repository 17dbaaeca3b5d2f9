package org.gridguard.notice.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import org.gridguard.notice.Notice;
import org.gridguard.notice.NoticeProperties;
import org.gridguard.platform.Messages;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A notice as a printable A4 PDF in the style of the city's notices: the issuing body and 通告 in red above a red rule,
 * the number, the title, the measures, the risk areas by level, when it takes effect, and the issuer with the date.
 * A notice is a public document of the city, so it is always set in the city's language. Anything not in force is
 * stamped across every page (草稿, 已撤销, 已失效). Noto Sans SC (SIL Open Font License 1.1) ships inside the
 * application; the PDF embeds the subset it uses.
 */
@Component
class NoticePdf {

	private static final String FONT_DIR = "fonts/ttf/NotoSansSC/";

	private static final Color RED = new Color(0xc8, 0x10, 0x2e);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private static final List<String> LEVELS = List.of("HIGH", "MID", "LOW");

	private final Messages messages;

	private final NoticeProperties properties;

	private final Clock clock;

	private volatile byte @Nullable [] regular;

	private volatile byte @Nullable [] bold;

	NoticePdf(Messages messages, NoticeProperties properties, Clock clock) {
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	byte[] pdf(Notice notice) {
		var out = new ByteArrayOutputStream();
		var document = new Document(PageSize.A4, 72, 72, 64, 64);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			BaseFont regularFont = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
					true, font("NotoSansSC-Regular.ttf", false), null);
			BaseFont boldFont = BaseFont.createFont("NotoSansSC-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					font("NotoSansSC-Bold.ttf", true), null);
			String stamp = stamp(notice);
			if (stamp != null) {
				writer.setPageEvent(new Stamp(boldFont, stamp));
			}
			String issuer = notice.issuer() == null ? properties.issuer() : notice.issuer();
			document.addTitle(notice.number() == null ? notice.title() : notice.number() + " " + notice.title());
			document.addAuthor(issuer);
			document.open();
			centred(document, issuer, new Font(boldFont, 20, Font.NORMAL, RED), 4);
			centred(document, text("notice.pdf.kind"), new Font(boldFont, 30, Font.NORMAL, RED), 8);
			centred(document, notice.number() == null ? text("notice.pdf.unnumbered") : notice.number(),
					new Font(regularFont, 14), 2);
			var rule = new LineSeparator(1.5f, 100, RED, Element.ALIGN_CENTER, -6);
			document.add(rule);
			var title = new Paragraph(notice.title(), new Font(boldFont, 17));
			title.setAlignment(Element.ALIGN_CENTER);
			title.setSpacingBefore(22);
			title.setSpacingAfter(16);
			document.add(title);
			Font body = new Font(regularFont, 13);
			for (String paragraph : notice.paragraphs()) {
				paragraph(document, paragraph, body);
			}
			if (!notice.riskAreas().isEmpty()) {
				var heading = new Paragraph(text("notice.pdf.areas"), new Font(boldFont, 13));
				heading.setSpacingBefore(8);
				heading.setSpacingAfter(6);
				heading.setFirstLineIndent(26);
				document.add(heading);
				for (String level : LEVELS) {
					List<Notice.ListedArea> areas = notice.areas(level);
					if (!areas.isEmpty()) {
						paragraph(document, text("notice.level." + level) + "："
								+ areas.stream().map(Notice.ListedArea::name).collect(Collectors.joining("、")), body);
					}
				}
			}
			paragraph(document, effective(notice), body);
			var signature = new Paragraph(issuer + "\n" + DATE.format(zoned(dated(notice))), body);
			signature.setAlignment(Element.ALIGN_RIGHT);
			signature.setSpacingBefore(36);
			signature.setLeading(24);
			document.add(signature);
			document.close();
		}
		catch (DocumentException | IOException ex) {
			throw new IllegalStateException("notice PDF failed", ex);
		}
		return out.toByteArray();
	}

	/** What is stamped across the pages: nothing for a notice in force. */
	private @Nullable String stamp(Notice notice) {
		Instant now = clock.instant();
		if (notice.state() == Notice.State.WITHDRAWN) {
			return text("notice.pdf.stamp.withdrawn");
		}
		if (notice.lapsed(now)) {
			return text("notice.pdf.stamp.lapsed");
		}
		return notice.isPublic() ? null : text("notice.pdf.stamp.draft");
	}

	private String effective(Notice notice) {
		String from = notice.effectiveFrom() == null ? text("notice.pdf.fromPublication")
				: TIME.format(zoned(notice.effectiveFrom()));
		return notice.effectiveUntil() == null ? text("notice.pdf.effective", from)
				: text("notice.pdf.effectiveUntil", from, TIME.format(zoned(notice.effectiveUntil())));
	}

	private Instant dated(Notice notice) {
		return notice.publishedAt() == null ? clock.instant() : notice.publishedAt();
	}

	private java.time.ZonedDateTime zoned(Instant at) {
		return at.atZone(clock.getZone());
	}

	private String text(String key, Object... args) {
		return messages.getDefault(key, args);
	}

	private static void centred(Document document, String text, Font font, float after) throws DocumentException {
		var p = new Paragraph(text, font);
		p.setAlignment(Element.ALIGN_CENTER);
		p.setSpacingAfter(after);
		document.add(p);
	}

	private static void paragraph(Document document, String text, Font font) throws DocumentException {
		var p = new Paragraph(text, font);
		p.setFirstLineIndent(26);
		p.setLeading(24);
		p.setSpacingAfter(6);
		p.setAlignment(Element.ALIGN_JUSTIFIED);
		document.add(p);
	}

	private byte[] font(String file, boolean isBold) {
		byte[] loaded = isBold ? bold : regular;
		if (loaded == null) {
			try (InputStream in = NoticePdf.class.getClassLoader().getResourceAsStream(FONT_DIR + file)) {
				if (in == null) {
					throw new IllegalStateException("font missing from the class path: " + FONT_DIR + file);
				}
				loaded = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (isBold) {
				bold = loaded;
			}
			else {
				regular = loaded;
			}
		}
		return loaded;
	}

	/** Stamps a word in large grey letters diagonally across each page. */
	private static final class Stamp extends PdfPageEventHelper {

		private final BaseFont font;

		private final String word;

		Stamp(BaseFont font, String word) {
			this.font = font;
			this.word = word;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			PdfContentByte canvas = writer.getDirectContentUnder();
			canvas.saveState();
			var state = new PdfGState();
			state.setFillOpacity(0.25f);
			canvas.setGState(state);
			canvas.beginText();
			canvas.setFontAndSize(font, 96);
			canvas.setRGBColorFill(120, 120, 120);
			canvas.showTextAligned(Element.ALIGN_CENTER, word, document.getPageSize().getWidth() / 2,
					document.getPageSize().getHeight() / 2, 45);
			canvas.endText();
			canvas.restoreState();
		}

	}

}
