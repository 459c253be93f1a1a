/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.openedx.eventbus.devservices;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Decides whether the development services start. They start only when ALL of these hold, so a production
 * configuration (which names its broker) never starts them, even with this module on the class path:
 * <ol>
 * <li>{@code eventbus.dev-services.enabled} is not {@code false};</li>
 * <li>the profile named by {@code eventbus.dev-services.profile} (default {@code dev}) is active, or
 * {@code eventbus.dev-services.enabled} is {@code true};</li>
 * <li>the transport is Kafka ({@code eventbus.transport} unset or {@code kafka});</li>
 * <li>{@code spring.kafka.bootstrap-servers} is not set anywhere.</li>
 * </ol>
 *
 * @param active whether to start (or join) the development services
 * @param reason a sentence for the log that says why
 * @since 0.1.0
 */
record DevServicesActivation(boolean active, String reason) {

	private static final String ENABLED = "eventbus.dev-services.enabled";

	static DevServicesActivation decide(ConfigurableEnvironment environment, DevServicesProperties properties) {
		@Nullable Boolean enabled = properties.getEnabled();
		if (Boolean.FALSE.equals(enabled)) {
			return new DevServicesActivation(false, ENABLED + " is false");
		}
		String profile = properties.getProfile();
		boolean profileActive = Arrays.asList(environment.getActiveProfiles()).contains(profile);
		if (!profileActive && !Boolean.TRUE.equals(enabled)) {
			return new DevServicesActivation(false, "profile '" + profile + "' is not active");
		}
		String transport = environment.getProperty("eventbus.transport", "kafka");
		if (!transport.equalsIgnoreCase("kafka")) {
			return new DevServicesActivation(false, "eventbus.transport is " + transport + ", not kafka");
		}
		String servers = environment.getProperty("spring.kafka.bootstrap-servers");
		if (StringUtils.hasText(servers)) {
			return new DevServicesActivation(false, "spring.kafka.bootstrap-servers is set (" + servers + ")");
		}
		return new DevServicesActivation(true, profileActive ? "profile '" + profile + "' is active and no broker "
				+ "is configured" : ENABLED + " is true and no broker is configured");
	}

}
