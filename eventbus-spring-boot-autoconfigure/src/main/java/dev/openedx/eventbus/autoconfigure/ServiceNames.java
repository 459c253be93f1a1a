package dev.openedx.eventbus.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The service name, as Python resolves {@code EVENTS_SERVICE_NAME} then {@code SERVICE_VARIANT}: here
 * {@code eventbus.service-name}, then {@code spring.application.name}.
 */
final class ServiceNames {

	private ServiceNames() {
	}

	static @Nullable String resolve(EventBusProperties properties, Environment environment) {
		if (StringUtils.hasText(properties.getServiceName())) {
			return properties.getServiceName();
		}
		String applicationName = environment.getProperty("spring.application.name");
		return StringUtils.hasText(applicationName) ? applicationName : null;
	}

}
