package org.gridguard.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock every module takes its "now" from (never {@code Instant.now()}), in the city's time zone; the
 * {@code gridguard.personal-data.*} limits and the upload settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ PersonalDataProperties.class, UploadSettings.class })
class PlatformConfiguration {

	@Bean
	Clock clock(@Value("${gridguard.zone:Asia/Shanghai}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}

}
