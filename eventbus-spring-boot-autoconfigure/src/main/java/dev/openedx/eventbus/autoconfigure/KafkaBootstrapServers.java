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

package dev.openedx.eventbus.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.log.LogAccessor;

/**
 * Where the event bus looks for Kafka, and why there. Without {@code spring.kafka.bootstrap-servers} Spring Boot
 * silently uses {@code localhost:9092}; outside development that is almost always a forgotten setting, which shows
 * only as a stream of client connection warnings. This says it once at WARN, and the broker health shows the address
 * and where it came from.
 *
 * @param servers the bootstrap servers used, comma-separated
 * @param source where they came from, for health
 * @param defaulted whether no setting named them and Spring Boot's default applies
 */
record KafkaBootstrapServers(String servers, String source, boolean defaulted) {

	private static final LogAccessor logger = new LogAccessor(KafkaBootstrapServers.class);

	private static final List<String> PROPERTIES = List.of("spring.kafka.bootstrap-servers",
			"spring.kafka.producer.bootstrap-servers", "spring.kafka.consumer.bootstrap-servers",
			"spring.kafka.admin.bootstrap-servers", "spring.kafka.properties[bootstrap.servers]");

	static KafkaBootstrapServers resolve(KafkaProperties kafka, @Nullable KafkaConnectionDetails connectionDetails,
			Environment environment) {
		// Spring Boot's own connection details (from spring.kafka.*) are package-private: a bean of another class is
		// a service connection (Testcontainers, Docker Compose), which names its broker.
		if (connectionDetails != null
				&& !connectionDetails.getClass().getSimpleName().equals("PropertiesKafkaConnectionDetails")) {
			return new KafkaBootstrapServers(String.join(",", connectionDetails.getAdmin().getBootstrapServers()),
					"connection details (" + connectionDetails.getClass().getSimpleName() + ")", false);
		}
		Binder binder = Binder.get(environment);
		for (String property : PROPERTIES) {
			if (binder.bind(property, Bindable.of(String.class)).isBound()) {
				List<String> servers = (connectionDetails != null) ? connectionDetails.getAdmin().getBootstrapServers()
						: kafka.getBootstrapServers();
				return new KafkaBootstrapServers(String.join(",", servers), property, false);
			}
		}
		return new KafkaBootstrapServers(String.join(",", kafka.getBootstrapServers()),
				"Spring Boot's default: spring.kafka.bootstrap-servers is not set", true);
	}

	/**
	 * Say at WARN that no setting names the broker, when none does.
	 */
	void warnIfDefaulted() {
		if (this.defaulted) {
			logger.warn(() -> "Event bus: spring.kafka.bootstrap-servers is not set, so the producer and the workers "
					+ "connect to Spring Boot's default " + this.servers + ". Set spring.kafka.bootstrap-servers to "
					+ "your brokers; for development, eventbus-spring-boot-devservices starts an in-process broker "
					+ "in the 'dev' profile.");
		}
	}

	/**
	 * The details of the broker health.
	 * @return the source of the address
	 */
	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("bootstrapServersSource", this.source);
		return details;
	}

}
