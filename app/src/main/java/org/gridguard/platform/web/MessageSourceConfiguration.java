package org.gridguard.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each module keeps its texts in {@code i18n/<module>.properties} (Chinese, the default) and
 * {@code i18n/<module>_en.properties}; every bundle found there is loaded, so a new module needs no configuration.
 */
@Configuration(proxyBeanMethods = false)
class MessageSourceConfiguration {

	@Bean
	MessageSource messageSource() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		var basenames = new TreeSet<String>();
		Arrays.stream(resources)
			.map(Resource::getFilename)
			.filter(Objects::nonNull)
			.map(name -> name.substring(0, name.length() - ".properties".length()))
			.filter(name -> !name.contains("_"))
			.forEach(name -> basenames.add("classpath:i18n/" + name));
		var source = new ReloadableResourceBundleMessageSource();
		source.setBasenames(basenames.toArray(String[]::new));
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		source.setCacheSeconds(-1);
		return source;
	}

}
