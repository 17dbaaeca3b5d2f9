package org.gridguard.platform;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One setting, {@code gridguard.public-url}, gives the address of every link that leaves GridGuard; the names the
 * venue and notice modules had before are still read.
 */
class PublicAddressTests {

	@Test
	void linksStartWithTheConfiguredAddress() {
		var address = new PublicAddress(new MockEnvironment().withProperty("gridguard.public-url", "https://gg.yk.gov.cn/"));
		assertThat(address.configured()).isTrue();
		assertThat(address.link("/p/abc")).isEqualTo("https://gg.yk.gov.cn/p/abc");
	}

	@Test
	void theOldNamesOfTheSettingAreStillRead() {
		assertThat(new PublicAddress(new MockEnvironment().withProperty("gridguard.venue.public-url", "https://a.example"))
			.link("/s/X")).isEqualTo("https://a.example/s/X");
		assertThat(new PublicAddress(new MockEnvironment().withProperty("gridguard.notice.public-url", "https://b.example"))
			.base()).isEqualTo("https://b.example");
		assertThat(new PublicAddress(new MockEnvironment().withProperty("gridguard.public-url", "https://new.example")
			.withProperty("gridguard.venue.public-url", "https://old.example")).base()).isEqualTo("https://new.example");
	}

	@Test
	void withoutTheSettingLinksOutsideARequestPointAtThisMachine() {
		var address = new PublicAddress(new MockEnvironment().withProperty("local.server.port", "18080"));
		assertThat(address.configured()).isFalse();
		assertThat(address.link("/p/abc")).isEqualTo("http://localhost:18080/p/abc");
	}

}
