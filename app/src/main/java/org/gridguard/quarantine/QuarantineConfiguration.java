package org.gridguard.quarantine;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code gridguard.quarantine.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuarantineProperties.class)
class QuarantineConfiguration {

}
