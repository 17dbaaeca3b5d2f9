package org.gridguard.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address people reach GridGuard at, for every link that leaves it: personal report links sent by SMS, QR posters,
 * links the public API gives. It is {@code gridguard.public-url} ({@code GRIDGUARD_PUBLIC_URL}), e.g.
 * {@code https://gg.yk.gov.cn}; the names each module had before, {@code gridguard.venue.public-url} and
 * {@code gridguard.notice.public-url}, are still read when it is not set (with a warning at start). Not set at all: the
 * address the current page or API call was asked at, and outside a request {@code http://localhost:<port>}: fine on one
 * machine, unreachable for a phone, which is why the ready message at start says so.
 */
@Component
public class PublicAddress {

	private static final Logger LOG = LoggerFactory.getLogger(PublicAddress.class);

	static final String SETTING = "gridguard.public-url";

	static final String[] OLD_SETTINGS = { "gridguard.venue.public-url", "gridguard.notice.public-url" };

	private final Environment environment;

	private final String configured;

	PublicAddress(Environment environment) {
		this.environment = environment;
		this.configured = configured(environment);
	}

	static String configured(Environment environment) {
		String url = environment.getProperty(SETTING, "").strip();
		if (!url.isEmpty()) {
			return withoutTrailingSlash(url);
		}
		for (String old : OLD_SETTINGS) {
			String value = environment.getProperty(old, "").strip();
			if (!value.isEmpty()) {
				LOG.warn("{} is read as {}: the setting has one name for all links now, please rename it", old, SETTING);
				return withoutTrailingSlash(value);
			}
		}
		return "";
	}

	/** Whether the address is configured (and so reachable from phones, if the operator set it right). */
	public boolean configured() {
		return !configured.isEmpty();
	}

	/** The base of public links, without a trailing slash. */
	public String base() {
		if (!configured.isEmpty()) {
			return configured;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes) {
			return withoutTrailingSlash(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
		}
		return local();
	}

	/** A public link: the base and a path starting with {@code /}. */
	public String link(String path) {
		return base() + path;
	}

	/** This instance on this machine: {@code http://localhost:<port it serves on>}. */
	public String local() {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return "http://localhost:" + port;
	}

	private static String withoutTrailingSlash(String url) {
		return url.replaceAll("/+$", "");
	}

}
