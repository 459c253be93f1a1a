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

package dev.openedx.eventbus.actuate.metrics;

/**
 * Names and tag keys of the event bus meters, so dashboards, alert rules and tests use the same strings. Prometheus
 * names replace the dots with underscores and add a unit and type suffix ({@code eventbus.producer.events} becomes
 * {@code eventbus_producer_events_total}).
 *
 * @since 0.1.0
 */
final class EventBusMeters {

	/** Counter: events sent, by outcome. */
	public static final String PRODUCER_EVENTS = "eventbus.producer.events";

	/** Timer of sends, from the send to the broker's acknowledgement or the failure; tag {@code outcome}. */
	public static final String PRODUCER_SEND = "eventbus.producer.send";

	/** Time gauge (seconds): time since the last event was sent to a topic. */
	public static final String PRODUCER_TIME_SINCE_LAST_EVENT = "eventbus.producer.time.since.last.event";

	/** Counter: messages a worker finished with, by outcome. */
	public static final String CONSUMER_EVENTS = "eventbus.consumer.events";

	/** Counter: messages that failed for good, by failure kind. */
	public static final String CONSUMER_FAILURES = "eventbus.consumer.failures";

	/** Timer: time the listeners took on an event, all attempts included. */
	public static final String CONSUMER_HANDLING = "eventbus.consumer.handling";

	/** Counter: listener attempts that failed and were retried. */
	public static final String CONSUMER_RETRIES = "eventbus.consumer.retries";

	/** Counter: polls that failed (broker unreachable, connection lost, writer schema unavailable). */
	public static final String CONSUMER_POLL_FAILURES = "eventbus.consumer.poll.failures";

	/** Time gauge (seconds): time since a worker's group last handled an event on a topic. */
	public static final String CONSUMER_TIME_SINCE_LAST_EVENT = "eventbus.consumer.time.since.last.event";

	/** Gauge: messages of a topic not yet delivered to a group. */
	public static final String CONSUMER_LAG = "eventbus.consumer.lag";

	/** Gauge (Redis): entries delivered to a group's consumers and not yet acknowledged. */
	public static final String CONSUMER_PENDING = "eventbus.consumer.pending";

	/** Gauge: 1 while a worker runs, 0 when it is stopped or failed. */
	public static final String CONSUMER_RUNNING = "eventbus.consumer.running";

	/** Gauge: failures in a row of a worker (it stops at its limit). */
	public static final String CONSUMER_CONSECUTIVE_FAILURES = "eventbus.consumer.consecutive.failures";

	/** Counter: events the after-commit mode did not send because their transaction's outcome was unknown. */
	public static final String PRODUCER_UNKNOWN_OUTCOMES = "eventbus.producer.unknown.outcomes";

	/** Counter: duplicate deliveries the inbox recognised and acknowledged without dispatch. */
	public static final String CONSUMER_DUPLICATES = "eventbus.consumer.duplicates";

	/** Counter: messages lost before the group read them (a Redis stream trimmed past them), by reason. */
	public static final String CONSUMER_LOST = "eventbus.consumer.lost";

	/** Tag: why messages were lost, for example {@code trimmed_before_read}. */
	public static final String REASON = "reason";

	/** Gauge: events waiting in the outbox to be sent. */
	public static final String OUTBOX_PENDING = "eventbus.outbox.pending";

	/** Gauge: outbox events given up (failed), waiting to be resubmitted. */
	public static final String OUTBOX_FAILED = "eventbus.outbox.failed";

	/** Time gauge (seconds): how long the oldest pending outbox event has waited. */
	public static final String OUTBOX_OLDEST_AGE = "eventbus.outbox.oldest.age";

	/** Counter: sends of the outbox relay, by outcome ({@code success}, {@code retry}, {@code failure}). */
	public static final String OUTBOX_SENDS = "eventbus.outbox.sends";

	/** Value of {@link #OUTCOME} for an outbox send that failed and will be tried again. */
	public static final String RETRY = "retry";

	/** Tag: {@code kafka} or {@code redis}. */
	public static final String TRANSPORT = "transport";

	/** Tag: the full (prefixed) topic or stream name. */
	public static final String TOPIC = "topic";

	/** Tag: the consumer group. */
	public static final String GROUP = "group";

	/** Tag: the worker name. */
	public static final String WORKER = "worker";

	/** Tag: the event type, {@code unknown} for a message whose type this service does not know. */
	public static final String EVENT_TYPE = "event.type";

	/** Tag: {@code success} or {@code failure}. */
	public static final String OUTCOME = "outcome";

	/** Tag: a {@code FailureKind} tag such as {@code undecodable_value}. */
	public static final String FAILURE_KIND = "failure.kind";

	/** Value of {@link #OUTCOME}. */
	public static final String SUCCESS = "success";

	/** Value of {@link #OUTCOME}. */
	public static final String FAILURE = "failure";

	/** The {@link #OUTCOME} of an event not sent because its route is switched off. */
	public static final String DROPPED = "dropped";

	/** Value of {@link #EVENT_TYPE} when the type is not one this service knows. */
	public static final String UNKNOWN = "unknown";

	private EventBusMeters() {
	}

}
