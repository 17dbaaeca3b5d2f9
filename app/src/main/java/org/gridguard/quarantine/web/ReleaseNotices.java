package org.gridguard.quarantine.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

import org.gridguard.control.ControlQueries;
import org.gridguard.control.MeasureKind;
import org.gridguard.person.Person;
import org.gridguard.platform.Messages;
import org.gridguard.quarantine.Site;
import org.gridguard.quarantine.Stay;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The release notice (解除隔离医学观察告知书) of a stay, as a printable A4 PDF in the reader's language. Chinese text
 * is set in Noto Sans SC (SIL Open Font License 1.1, shipped inside the application); the PDF embeds the subset it
 * uses.
 */
@Component
class ReleaseNotices {

	private static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	private final Messages messages;

	private final Clock clock;

	private volatile byte @Nullable [] ttf;

	ReleaseNotices(Messages messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	byte[] pdf(Stay stay, Site site, @Nullable Person person, List<ControlQueries.StageView> stages) {
		var out = new ByteArrayOutputStream();
		var document = new Document(PageSize.A4, 72, 72, 72, 72);
		try {
			PdfWriter.getInstance(document, out);
			String title = messages.get("quarantine.notice.title");
			document.addTitle(title);
			document.open();
			BaseFont base = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					font(), null);
			var heading = new Paragraph(title, new Font(base, 20));
			heading.setAlignment(Element.ALIGN_CENTER);
			heading.setSpacingAfter(24);
			document.add(heading);
			Font body = new Font(base, 12);
			LocalDate released = stay.endedAt() == null ? LocalDate.now(clock)
					: LocalDate.ofInstant(stay.endedAt(), clock.getZone());
			LocalDate admitted = LocalDate.ofInstant(stay.admittedAt(), clock.getZone());
			String name = person == null ? "" : person.name();
			String id = person == null ? "" : person.idMasked();
			line(document, body, messages.get("quarantine.notice.to", name, id));
			line(document, body, messages.get("quarantine.notice.stay", site.name(), stay.room(), admitted, released));
			line(document, body, messages.get("quarantine.notice.tests"));
			ControlQueries.StageView next = stages.stream()
				.filter(s -> s.kind() != MeasureKind.CENTRAL_ISOLATION && s.to().isAfter(released.minusDays(1)))
				.findFirst()
				.orElse(null);
			if (next != null) {
				line(document, body, messages.get("quarantine.notice.next",
						messages.get("control.measure." + next.kind().name()), next.from(), next.to()));
				line(document, body, messages.get("quarantine.notice.nextRules"));
			}
			else {
				line(document, body, messages.get("quarantine.notice.planDone"));
			}
			var signature = new Paragraph(site.name() + "\n" + released, body);
			signature.setAlignment(Element.ALIGN_RIGHT);
			signature.setSpacingBefore(48);
			document.add(signature);
			document.close();
		}
		catch (DocumentException | IOException ex) {
			throw new IllegalStateException("release notice PDF failed", ex);
		}
		return out.toByteArray();
	}

	private static void line(Document document, Font font, String text) throws DocumentException {
		var p = new Paragraph(text, font);
		p.setSpacingAfter(10);
		p.setLeading(20);
		document.add(p);
	}

	private byte[] font() {
		byte[] loaded = ttf;
		if (loaded == null) {
			try (InputStream in = ReleaseNotices.class.getClassLoader().getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IllegalStateException("font missing from the class path: " + FONT);
				}
				loaded = in.readAllBytes();
				ttf = loaded;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return loaded;
	}

}
