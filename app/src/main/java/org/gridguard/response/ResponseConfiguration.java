package org.gridguard.response;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code gridguard.response.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseProperties.class)
class ResponseConfiguration {

}
