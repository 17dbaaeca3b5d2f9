package org.gridguard.inspection;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoTypeTests {

	@Test
	void aJpegIsKnownByItsFirstBytes() {
		assertThat(Photos.Type.JPEG.matches(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 })).isTrue();
		assertThat(Photos.Type.JPEG.matches(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isFalse();
	}

	@Test
	void aRiffFileIsAWebpImageOnlyWhenItSaysWebp() {
		byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
		byte[] wave = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(Photos.Type.WEBP.matches(webp)).isTrue();
		assertThat(Photos.Type.WEBP.matches(wave)).isFalse();
	}

	@Test
	void aPageOrAProgramNamedLikeAnImageMatchesNoType() {
		byte[] html = "<html><script>".getBytes(StandardCharsets.US_ASCII);
		byte[] exe = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };
		for (Photos.Type type : Photos.Type.values()) {
			assertThat(type.matches(html)).isFalse();
			assertThat(type.matches(exe)).isFalse();
		}
	}

}
