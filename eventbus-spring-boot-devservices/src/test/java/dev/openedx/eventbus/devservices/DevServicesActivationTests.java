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

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DevServicesActivationTests {

	private final MockEnvironment environment = new MockEnvironment();

	private final DevServicesProperties properties = new DevServicesProperties();

	@Test
	void offWithoutTheDevelopmentProfile() {
		assertThat(decide().active()).isFalse();
		assertThat(decide().reason()).contains("profile 'dev' is not active");
	}

	@Test
	void onWithTheDevelopmentProfileAndNoBroker() {
		this.environment.setActiveProfiles("dev");
		assertThat(decide().active()).isTrue();
	}

	@Test
	void offWhenABrokerIsConfiguredEvenInTheDevelopmentProfile() {
		this.environment.setActiveProfiles("dev");
		this.environment.setProperty("spring.kafka.bootstrap-servers", "kafka.internal:9092");
		assertThat(decide().active()).isFalse();
		assertThat(decide().reason()).contains("spring.kafka.bootstrap-servers is set (kafka.internal:9092)");
	}

	@Test
	void offForTheRedisTransport() {
		this.environment.setActiveProfiles("dev");
		this.environment.setProperty("eventbus.transport", "redis");
		assertThat(decide().active()).isFalse();
	}

	@Test
	void offWhenDisabledEvenInTheDevelopmentProfile() {
		this.environment.setActiveProfiles("dev");
		this.properties.setEnabled(false);
		assertThat(decide().active()).isFalse();
	}

	@Test
	void enabledExplicitlyWorksWithoutTheProfileButNeverOverridesAConfiguredBroker() {
		this.properties.setEnabled(true);
		assertThat(decide().active()).isTrue();
		this.environment.setProperty("spring.kafka.bootstrap-servers", "kafka.internal:9092");
		assertThat(decide().active()).isFalse();
	}

	@Test
	void theProfileNameIsConfigurable() {
		this.environment.setActiveProfiles("local");
		this.properties.setProfile("local");
		assertThat(decide().active()).isTrue();
	}

	private DevServicesActivation decide() {
		return DevServicesActivation.decide(this.environment, this.properties);
	}

}
