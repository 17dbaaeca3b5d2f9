package org.gridguard.gathering;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code gridguard.gathering.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatheringProperties.class)
class GatheringConfiguration {

}
