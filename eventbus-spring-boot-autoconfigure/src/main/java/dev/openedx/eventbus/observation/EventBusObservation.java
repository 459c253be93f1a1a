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

package dev.openedx.eventbus.observation;

import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the event bus, documented as spring-kafka documents {@code KafkaListenerObservation}: the
 * name, the low-cardinality keys (which become metric tags and span tags) and the high-cardinality keys (span tags
 * only). Conventions are replaceable through {@link EventBusSendObservationConvention} and
 * {@link EventBusProcessObservationConvention}.
 *
 * @since 0.1.0
 */
public enum EventBusObservation implements ObservationDocumentation {

	/**
	 * One event sent to one topic or stream, from just before the send until the broker acknowledged it or the send
	 * failed. When tracing is on, the trace context is written into the message (a Kafka header, a Redis field).
	 */
	SEND {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultEventBusSendObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return SendLowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return SendHighCardinalityKeys.values();
		}

	},

	/**
	 * One attempt of the application's listeners on one received event. When tracing is on and the message carries a
	 * trace context, the observation continues that trace.
	 */
	PROCESS {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultEventBusProcessObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ProcessLowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return ProcessHighCardinalityKeys.values();
		}

	};

	/**
	 * Low-cardinality keys of {@link #SEND}.
	 */
	public enum SendLowCardinalityKeys implements KeyName {

		/** {@code kafka} or {@code redis}. */
		MESSAGING_SYSTEM("messaging.system"),

		/** Always {@code publish}. */
		MESSAGING_OPERATION("messaging.operation"),

		/** The full (prefixed) topic or stream name. */
		DESTINATION("messaging.destination.name"),

		/** The event type, for example {@code org.openedx.learning.course.enrollment.created.v1}. */
		EVENT_TYPE("eventbus.event.type");

		private final String key;

		SendLowCardinalityKeys(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High-cardinality keys of {@link #SEND}.
	 */
	public enum SendHighCardinalityKeys implements KeyName {

		/** The event id ({@code ce_id} / {@code id}). */
		MESSAGE_ID("messaging.message.id");

		private final String key;

		SendHighCardinalityKeys(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Low-cardinality keys of {@link #PROCESS}.
	 */
	public enum ProcessLowCardinalityKeys implements KeyName {

		/** {@code kafka} or {@code redis}. */
		MESSAGING_SYSTEM("messaging.system"),

		/** Always {@code process}. */
		MESSAGING_OPERATION("messaging.operation"),

		/** The full (prefixed) topic or stream name. */
		DESTINATION("messaging.destination.name"),

		/** The consumer group. */
		CONSUMER_GROUP("messaging.consumer.group.name"),

		/** The worker name. */
		WORKER("eventbus.worker"),

		/** The event type. */
		EVENT_TYPE("eventbus.event.type");

		private final String key;

		ProcessLowCardinalityKeys(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High-cardinality keys of {@link #PROCESS}.
	 */
	public enum ProcessHighCardinalityKeys implements KeyName {

		/** The event id ({@code ce_id} / {@code id}). */
		MESSAGE_ID("messaging.message.id"),

		/** Where the message is: {@code topic-partition@offset} on Kafka, {@code stream@entry-id} on Redis. */
		COORDINATES("eventbus.message.coordinates");

		private final String key;

		ProcessHighCardinalityKeys(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Start the observation of one send, as both transports' producers do: a no-op one without a registry.
	 * @param registry the registry
	 * @param convention the application's convention, or {@code null} for the default
	 * @param transport the transport
	 * @param destination the topic or stream
	 * @param event the event
	 * @return the observation, started unless it is a no-op
	 * @since 0.2.0
	 */
	public static Observation startSend(ObservationRegistry registry,
			@Nullable EventBusSendObservationConvention convention, String transport, String destination,
			OpenEdxEvent<?> event) {
		Observation observation = SEND.observation(convention, DefaultEventBusSendObservationConvention.INSTANCE,
				() -> new EventBusSendContext(transport, destination, event), registry);
		return observation.isNoop() ? observation : observation.start();
	}

}
