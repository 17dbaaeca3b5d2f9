package org.gridguard.venue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code gridguard.venue.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ VenueProperties.class, StreamProperties.class })
class VenueConfiguration {

}
