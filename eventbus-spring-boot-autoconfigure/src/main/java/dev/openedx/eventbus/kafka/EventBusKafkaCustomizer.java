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

package dev.openedx.eventbus.kafka;

import java.util.Map;

/**
 * Changes the Kafka client settings of the event bus's own clients (its producer, its workers' consumers and
 * dead-letter producers, and the admin client of its health check) where {@code spring.kafka.*} and
 * {@code eventbus.kafka.*} do not reach: declare a bean. Each method gets the settings built from Spring Boot's
 * {@code spring.kafka.*} and the event bus's additions, and may change them; the application's {@code KafkaTemplate}
 * and listener containers are not affected. What the event bus requires is applied afterwards and cannot be changed
 * here: {@code acks=all}, {@code enable.idempotence=true} and byte-array serializers for producers,
 * {@code enable.auto.commit=false} and byte-array deserializers for consumers; an {@code auto.offset.reset} set here
 * is honoured like {@code spring.kafka.consumer.auto-offset-reset}.
 * <pre class="code">
 * &#64;Bean
 * EventBusKafkaCustomizer compression() {
 *     return new EventBusKafkaCustomizer() {
 *         &#64;Override
 *         public void customizeProducer(Map&lt;String, Object&gt; config) {
 *             config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
 *         }
 *     };
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public interface EventBusKafkaCustomizer {

	/**
	 * Change the settings of the event bus's producers (events and dead letters).
	 * @param config the producer settings, to change in place
	 */
	default void customizeProducer(Map<String, Object> config) {
	}

	/**
	 * Change the settings of the event bus's consumers (one per worker).
	 * @param config the consumer settings, to change in place
	 */
	default void customizeConsumer(Map<String, Object> config) {
	}

	/**
	 * Change the settings of the admin client the health check and the backlog monitor use.
	 * @param config the admin settings, to change in place
	 */
	default void customizeAdmin(Map<String, Object> config) {
	}

}
