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

package dev.openedx.eventbus.actuate.endpoint;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsSanitizerTests {

	@Test
	void masksValuesOfKeysThatNameCredentialsAtAnyDepth() {
		Map<String, Object> sanitized = shown(Map.of("eventbus",
				Map.of("kafka", Map.of("schema-registry", Map.of("url", "http://registry:8081", "api-key", "KEY1",
						"api-secret", "SECRET1")), "topic-prefix", "stage"),
				"spring.kafka",
				Map.of("properties", Map.of("sasl.jaas.config", "password=\"p\";", "ssl.key.password", "x"))));
		assertThat(sanitized.toString()).contains("api-secret=******", "api-key=******", "sasl.jaas.config=******",
				"ssl.key.password=******", "url=http://registry:8081", "topic-prefix=stage")
			.doesNotContain("SECRET1", "KEY1", "password=\"p\"");
	}

	@Test
	void masksOnlyThePasswordOfUrlsAndKeepsTheRest() {
		assertThat(shown(Map.of("url", "redis://default:Pa55@redis:6379/0")).get("url"))
			.isEqualTo("redis://default:******@redis:6379/0");
		assertThat(shown(Map.of("url", "rediss://:Pa55@redis:6380")).get("url"))
			.isEqualTo("rediss://:******@redis:6380");
		assertThat(shown(Map.of("url", "http://a:1@h1:1,http://b:2@h2:2")).get("url"))
			.isEqualTo("http://a:******@h1:1,http://b:******@h2:2");
		assertThat(shown(Map.of("url", "redis://redis:6379")).get("url")).isEqualTo("redis://redis:6379");
		assertThat(shown(Map.of("nodes", List.of("redis://u:p@h:1"))).toString())
			.isEqualTo("{nodes=[redis://u:******@h:1]}");
	}

	@Test
	void masksAKeyWhoseSecretWordSpansTheSegmentsOfANestedMap() {
		Map<String, Object> sanitized = shown(Map.of("spring.kafka", Map.of("properties", Map.of("basic",
				Map.of("auth", Map.of("user", Map.of("info", "key:secret"), "credentials", Map.of("source",
						"USER_INFO")))))));
		assertThat(sanitized.toString()).doesNotContain("key:secret").contains("info=******");
		assertThat(SettingsSanitizer.isSensitive("spring.kafka.properties.basic.auth.user.info")).isTrue();
		assertThat(SettingsSanitizer.isSensitive("spring.kafka.properties.sasl.jaas.config")).isTrue();
	}

	@Test
	void masksEveryValueUnlessValuesMayBeShown() {
		Map<String, Object> sanitized = new SettingsSanitizer(List.of())
			.sanitize(Map.of("eventbus", Map.of("topic-prefix", "stage", "consumer", Map.of("enabled", true))), false);
		assertThat(sanitized.toString()).contains("topic-prefix=******", "consumer={enabled=******}")
			.doesNotContain("stage", "true");
	}

	@Test
	void theApplicationsSanitizingFunctionsSeeTheFullPropertyName() {
		SanitizingFunction prefix = (data) -> data.getKey().equals("eventbus.topic-prefix") ? data.withSanitizedValue()
				: data;
		Map<String, Object> sanitized = new SettingsSanitizer(List.of(prefix))
			.sanitize(Map.of("eventbus", Map.of("topic-prefix", "stage", "transport", "kafka")), true);
		assertThat(sanitized.toString()).contains("topic-prefix=******", "transport=kafka").doesNotContain("stage");
	}

	@Test
	void keepsTheKeyFieldOfARoute() {
		assertThat(SettingsSanitizer.isSensitive("event-key-field")).isFalse();
		assertThat(SettingsSanitizer.isSensitive("enabled")).isFalse();
	}

	private static Map<String, Object> shown(Map<String, ?> settings) {
		return new SettingsSanitizer(List.of()).sanitize(settings, true);
	}

}
