package org.gridguard.inspection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code gridguard.inspection.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InspectionProperties.class)
class InspectionConfiguration {

}
