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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Confluent-compatible schema registry of the Kafka transport is, and how to authenticate, beside Spring
 * Boot's own {@code KafkaConnectionDetails}. By default from {@code eventbus.kafka.schema-registry.*}; Spring Boot's
 * Testcontainers support ({@code @ServiceConnection} on a {@code confluentinc/cp-schema-registry} container, with
 * {@code eventbus-spring-boot-test}) and Docker Compose support (a service of that image) provide one instead, as a
 * bean of this type that takes precedence over the properties.
 *
 * @since 0.1.0
 */
public interface SchemaRegistryConnectionDetails extends ConnectionDetails {

	/**
	 * The registry's base URL.
	 * @return for example {@code http://registry:8081}, or {@code null} when none is configured
	 */
	@Nullable String getUrl();

	/**
	 * The user name (API key) of the registry's basic authentication.
	 * @return the user name, or {@code null} for none
	 */
	default @Nullable String getUsername() {
		return null;
	}

	/**
	 * The password (API secret) of the registry's basic authentication.
	 * @return the password, or {@code null} for none
	 */
	default @Nullable String getPassword() {
		return null;
	}

}
