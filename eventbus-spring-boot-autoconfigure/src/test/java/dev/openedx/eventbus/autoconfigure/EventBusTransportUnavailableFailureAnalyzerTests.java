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

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusTransportUnavailableFailureAnalyzerTests {

	private final EventBusTransportUnavailableFailureAnalyzer analyzer = new EventBusTransportUnavailableFailureAnalyzer();

	@Test
	void namesTheMissingClassesTheDependencyAndTheAlternatives() {
		EventBusTransportUnavailableException cause = new EventBusTransportUnavailableException(
				EventBusProperties.Transport.REDIS,
				List.of("org.springframework.data.redis.connection.RedisConnectionFactory"),
				"org.springframework.boot:spring-boot-starter-data-redis");
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("eventRoutes", "failed", cause));
		assertThat(analysis.getDescription()).contains("eventbus.transport=redis")
			.contains("org.springframework.data.redis.connection.RedisConnectionFactory");
		assertThat(analysis.getAction()).contains("org.springframework.boot:spring-boot-starter-data-redis")
			.contains("eventbus.transport=kafka")
			.contains("eventbus.enabled=false");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

}
