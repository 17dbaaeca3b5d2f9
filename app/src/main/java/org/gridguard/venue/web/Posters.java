package org.gridguard.venue.web;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.gridguard.platform.QrCodes;

import org.springframework.stereotype.Component;

/**
 * Printable QR posters of a venue (A4, PNG and PDF): the QR code of the venue's scan page with the venue's name,
 * address, the admission rule and the code in text. Chinese text is drawn with Noto Sans SC (SIL Open Font License
 * 1.1), which ships inside the application because servers rarely have CJK fonts; the PDF embeds the subset it uses.
 */
@Component
class Posters {

	private static final String FONT_DIR = "fonts/ttf/NotoSansSC/";

	private static final Color BLUE = new Color(0x0b, 0x53, 0x94);

	/** What a poster says. */
	record Content(String title, String venueName, String address, String scanUrl, String code, String rule,
			String hint, String footer) {
	}

	private volatile byte[] regularTtf;

	private volatile byte[] boldTtf;

	private volatile Font regular;

	private volatile Font bold;

	/** The QR code alone, as modules (true = dark), with a one-module quiet zone. */
	static BitMatrix qr(String text) {
		return QrCodes.matrix(text);
	}

	/** The QR code as a PNG, {@code scale} pixels per module. */
	byte[] qrPng(String text, int scale) {
		return QrCodes.png(text, scale);
	}

	/** An A4 poster at 150 dpi (1240 × 1754 pixels). */
	byte[] png(Content c) {
		int w = 1240;
		int h = 1754;
		var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(BLUE);
		g.fillRect(0, 0, w, 230);
		g.setColor(Color.WHITE);
		centred(g, bold().deriveFont(96f), c.title(), w, 150);
		g.setColor(Color.BLACK);
		centred(g, bold().deriveFont(fit(g, bold(), c.venueName(), w - 160, 80f)), c.venueName(), w, 360);
		g.setColor(Color.DARK_GRAY);
		centred(g, regular().deriveFont(fit(g, regular(), c.address(), w - 160, 40f)), c.address(), w, 430);
		BitMatrix matrix = qr(c.scanUrl());
		int side = 820;
		int scale = side / matrix.getWidth();
		int size = scale * matrix.getWidth();
		int left = (w - size) / 2;
		int top = 490;
		g.setColor(Color.BLACK);
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					g.fillRect(left + x * scale, top + y * scale, scale, scale);
				}
			}
		}
		g.setColor(BLUE);
		centred(g, bold().deriveFont(fit(g, bold(), c.rule(), w - 160, 56f)), c.rule(), w, top + size + 110);
		g.setColor(Color.DARK_GRAY);
		centred(g, regular().deriveFont(fit(g, regular(), c.hint(), w - 160, 38f)), c.hint(), w, top + size + 180);
		centred(g, regular().deriveFont(34f), c.code(), w, top + size + 240);
		g.setColor(Color.GRAY);
		centred(g, regular().deriveFont(fit(g, regular(), c.footer(), w - 160, 28f)), c.footer(), w, h - 60);
		g.dispose();
		return png(image);
	}

	/** The same poster as a one-page A4 PDF with the font subset embedded. */
	byte[] pdf(Content c) {
		var out = new ByteArrayOutputStream();
		var document = new Document(PageSize.A4, 0, 0, 0, 0);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(c.title() + " · " + c.venueName());
			document.open();
			BaseFont regularFont = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
					true, regularTtf(), null);
			BaseFont boldFont = BaseFont.createFont("NotoSansSC-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					boldTtf(), null);
			float w = PageSize.A4.getWidth();
			float h = PageSize.A4.getHeight();
			PdfContentByte canvas = writer.getDirectContent();
			canvas.setRGBColorFill(0x0b, 0x53, 0x94);
			canvas.rectangle(0, h - 110, w, 110);
			canvas.fill();
			text(canvas, boldFont, 46, c.title(), w / 2, h - 75, 255);
			text(canvas, boldFont, fitPdf(boldFont, c.venueName(), w - 80, 36), c.venueName(), w / 2, h - 170, 0);
			text(canvas, regularFont, fitPdf(regularFont, c.address(), w - 80, 18), c.address(), w / 2, h - 202, 80);
			Image qr = Image.getInstance(qrPng(c.scanUrl(), 12));
			float side = 390;
			qr.scaleAbsolute(side, side);
			qr.setAbsolutePosition((w - side) / 2, h - 232 - side);
			canvas.addImage(qr);
			float below = h - 232 - side;
			canvas.setRGBColorFill(0x0b, 0x53, 0x94);
			text(canvas, boldFont, fitPdf(boldFont, c.rule(), w - 80, 26), c.rule(), w / 2, below - 50, -1);
			text(canvas, regularFont, fitPdf(regularFont, c.hint(), w - 80, 17), c.hint(), w / 2, below - 84, 80);
			text(canvas, regularFont, 16, c.code(), w / 2, below - 112, 80);
			text(canvas, regularFont, fitPdf(regularFont, c.footer(), w - 80, 12), c.footer(), w / 2, 30, 128);
			document.close();
		}
		catch (DocumentException | IOException ex) {
			throw new IllegalStateException("poster PDF failed", ex);
		}
		return out.toByteArray();
	}

	private static void text(PdfContentByte canvas, BaseFont font, float size, String text, float x, float y, int grey) {
		canvas.beginText();
		if (grey >= 0) {
			canvas.setRGBColorFill(grey, grey, grey);
		}
		canvas.setFontAndSize(font, size);
		canvas.showTextAligned(PdfContentByte.ALIGN_CENTER, text, x, y, 0);
		canvas.endText();
	}

	private static float fitPdf(BaseFont font, String text, float width, float size) {
		float s = size;
		while (s > 8 && font.getWidthPoint(text, s) > width) {
			s -= 1;
		}
		return s;
	}

	private static float fit(Graphics2D g, Font font, String text, int width, float size) {
		float s = size;
		while (s > 12 && g.getFontMetrics(font.deriveFont(s)).stringWidth(text) > width) {
			s -= 2;
		}
		return s;
	}

	private static void centred(Graphics2D g, Font font, String text, int width, int baseline) {
		g.setFont(font);
		FontMetrics metrics = g.getFontMetrics();
		g.drawString(text, (width - metrics.stringWidth(text)) / 2, baseline);
	}

	private static byte[] png(BufferedImage image) {
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private Font regular() {
		if (regular == null) {
			regular = font(regularTtf());
		}
		return regular;
	}

	private Font bold() {
		if (bold == null) {
			bold = font(boldTtf());
		}
		return bold;
	}

	private byte[] regularTtf() {
		if (regularTtf == null) {
			regularTtf = load("NotoSansSC-Regular.ttf");
		}
		return regularTtf;
	}

	private byte[] boldTtf() {
		if (boldTtf == null) {
			boldTtf = load("NotoSansSC-Bold.ttf");
		}
		return boldTtf;
	}

	private static Font font(byte[] ttf) {
		try {
			return Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(ttf));
		}
		catch (FontFormatException | IOException ex) {
			throw new IllegalStateException("poster font unreadable", ex);
		}
	}

	private static byte[] load(String file) {
		try (InputStream in = Posters.class.getClassLoader().getResourceAsStream(FONT_DIR + file)) {
			if (in == null) {
				throw new IllegalStateException("poster font missing from the class path: " + FONT_DIR + file);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
