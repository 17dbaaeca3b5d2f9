package org.gridguard.platform;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of links that people scan with a phone (venue posters, personal report links), drawn with ZXing: error
 * correction level M, a one-module quiet zone, UTF-8.
 */
public final class QrCodes {

	private QrCodes() {
	}

	/** The code's modules (true = dark), with a one-module quiet zone. */
	public static BitMatrix matrix(String text) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, 1);
		hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode " + text, ex);
		}
	}

	/** The code as a black-and-white PNG, {@code scale} pixels per module. */
	public static byte[] png(String text, int scale) {
		BitMatrix matrix = matrix(text);
		var image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					g.fillRect(x * scale, y * scale, scale, scale);
				}
			}
		}
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The PNG as a {@code data:} URL, for an {@code <img>} on a page (the pages' policy allows {@code data:} images). */
	public static String pngDataUrl(String text, int scale) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, scale));
	}

}
