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

package dev.openedx.eventbus.demo.examples;

import java.util.Map;

import dev.openedx.eventbus.kafka.EventBusKafkaCustomizer;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A client setting no property reaches, for the event bus's own Kafka clients ({@code docs/kafka.md}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaClientCustomization {

	// tag::customizer[]
	@Bean
	EventBusKafkaCustomizer compression() {
		return new EventBusKafkaCustomizer() {
			@Override
			public void customizeProducer(Map<String, Object> config) {
				config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
			}
		};
	}
	// end::customizer[]

}
