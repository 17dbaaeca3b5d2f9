package org.gridguard.cockpit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code gridguard.cockpit.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CockpitProperties.class)
class CockpitConfiguration {

}
