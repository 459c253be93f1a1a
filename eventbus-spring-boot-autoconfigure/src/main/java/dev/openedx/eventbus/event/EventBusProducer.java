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

package dev.openedx.eventbus.event;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Transport SPI: sends one event to one topic (Kafka) or stream (Redis). Implementations encode, frame and send to
 * the topic as given (the routing table has applied the topic prefix) with the event's metadata as given (the
 * publisher has stamped it); they never swallow a failure: it completes the returned future exceptionally (and is
 * logged with the topic and event id).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EventBusProducer {

	/**
	 * Send an event.
	 * @param topic the topic or stream name on the broker, prefix applied
	 * @param eventKeyField the dotted path of the key inside the data (for example
	 * {@code enrollment.course.course_key}); required by Kafka, unused by Redis
	 * @param event the event, normally stamped already; one without metadata gets {@link EventOrigin#local()}
	 * defaults
	 * @return a future completed when the broker acknowledged the event, never {@code null}
	 */
	CompletableFuture<SendReceipt> send(String topic, @Nullable String eventKeyField, OpenEdxEvent<?> event);

}
