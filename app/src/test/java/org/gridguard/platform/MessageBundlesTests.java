package org.gridguard.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese is the default and English complete: every text exists in both languages.
 */
class MessageBundlesTests {

	@Test
	void everyChineseTextHasAnEnglishOneAndViceVersa() throws IOException {
		Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		int checked = 0;
		for (Resource bundle : bundles) {
			String name = bundle.getFilename();
			if (name == null || name.contains("_")) {
				continue;
			}
			Properties zh = load(bundle);
			Resource enResource = bundle.createRelative(name.replace(".properties", "_en.properties"));
			assertThat(enResource.exists()).as("English bundle for %s", name).isTrue();
			Properties en = load(enResource);
			Set<String> missingInEnglish = new TreeSet<>(zh.stringPropertyNames());
			missingInEnglish.removeAll(en.stringPropertyNames());
			Set<String> missingInChinese = new TreeSet<>(en.stringPropertyNames());
			missingInChinese.removeAll(zh.stringPropertyNames());
			assertThat(missingInEnglish).as("keys of %s without English text", name).isEmpty();
			assertThat(missingInChinese).as("keys of %s without Chinese text", name).isEmpty();
			for (String key : zh.stringPropertyNames()) {
				assertThat(zh.getProperty(key)).as("Chinese text of %s", key).isNotBlank();
				assertThat(en.getProperty(key)).as("English text of %s", key).isNotBlank();
			}
			checked++;
		}
		assertThat(checked).isGreaterThanOrEqualTo(4);
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		var seen = new java.util.HashMap<String, String>();
		for (Resource bundle : bundles) {
			String name = bundle.getFilename();
			if (name == null || name.contains("_")) {
				continue;
			}
			for (String key : load(bundle).stringPropertyNames()) {
				String previous = seen.put(key, name);
				assertThat(previous).as("%s defined in %s and %s", key, previous, name).isNull();
			}
		}
	}

	private static Properties load(Resource resource) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
