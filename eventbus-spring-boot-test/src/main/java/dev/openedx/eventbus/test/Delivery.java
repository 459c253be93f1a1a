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

package dev.openedx.eventbus.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.ConsumerWorker;

/**
 * One message put on an in-memory topic by {@link InboundEvents}: wait for what the application's workers made of
 * it.
 * <pre class="code">
 * Delivery delivery = inbound.deliver("learning-course-enrollment-lifecycle", event);
 * assertThat(delivery.awaitOutcome().result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
 * </pre>
 *
 * @since 0.1.0
 */
public final class Delivery {

	/** How long {@link #awaitOutcome()} and {@link #awaitOutcomes()} wait. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final InMemoryMessage message;

	private final InMemoryBroker broker;

	Delivery(InMemoryMessage message, InMemoryBroker broker) {
		this.message = message;
		this.broker = broker;
	}

	/**
	 * The topic the message was put on.
	 * @return the full topic name
	 */
	public String topic() {
		return this.message.topic();
	}

	/**
	 * Where the message is, as the transport names it ({@code topic-0@offset}, {@code stream@id}).
	 * @return the coordinates
	 */
	public String coordinates() {
		return this.message.coordinates();
	}

	/**
	 * Wait until the one consumer group of the topic has acknowledged the message.
	 * @return its outcome
	 * @throws AssertionError when no worker or several groups consume the topic, or the time ran out
	 */
	public DeliveryOutcome awaitOutcome() {
		return awaitOutcome(DEFAULT_TIMEOUT);
	}

	/**
	 * Wait until the one consumer group of the topic has acknowledged the message.
	 * @param timeout how long at most
	 * @return its outcome
	 * @throws AssertionError when no worker or several groups consume the topic, or the time ran out
	 */
	public DeliveryOutcome awaitOutcome(Duration timeout) {
		List<DeliveryOutcome> outcomes = awaitOutcomes(timeout);
		if (outcomes.size() != 1) {
			throw new AssertionError(outcomes.size() + " consumer groups consume " + topic()
					+ "; use awaitOutcomes(): " + outcomes);
		}
		return outcomes.get(0);
	}

	/**
	 * Wait until every consumer group of the topic has acknowledged the message.
	 * @return their outcomes, by group name
	 * @throws AssertionError when no worker consumes the topic or the time ran out
	 */
	public List<DeliveryOutcome> awaitOutcomes() {
		return awaitOutcomes(DEFAULT_TIMEOUT);
	}

	/**
	 * Wait until every consumer group of the topic has acknowledged the message.
	 * @param timeout how long at most
	 * @return their outcomes, by group name
	 * @throws AssertionError when no worker consumes the topic or the time ran out
	 */
	public List<DeliveryOutcome> awaitOutcomes(Duration timeout) {
		Objects.requireNonNull(timeout, "timeout must not be null");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Set<String> groups = groups();
			if (groups.isEmpty()) {
				throw new AssertionError("No worker consumes " + topic() + "; workers: " + workers());
			}
			List<DeliveryOutcome> outcomes = this.message.outcomes();
			if (outcomes.size() >= groups.size()) {
				return outcomes.stream().sorted((a, b) -> a.group().compareTo(b.group())).toList();
			}
			long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (remaining <= 0) {
				throw new AssertionError("Waited " + timeout + " for " + this.message + " to be acknowledged by "
						+ "the groups " + groups + "; outcomes so far: " + outcomes + "; workers: " + workers());
			}
			try {
				this.message.awaitChange(Math.min(remaining, 100));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for " + this.message, ex);
			}
		}
	}

	private Set<String> groups() {
		Set<String> groups = new TreeSet<>(this.broker.groups(topic()));
		for (ConsumerWorker<InMemoryMessage> worker : this.broker.workers()) {
			if (worker.settings().destination().equals(topic())) {
				groups.add(worker.settings().group());
			}
		}
		return groups;
	}

	private List<String> workers() {
		return this.broker.workers().stream().map(ConsumerWorker::status).map(Delivery::describe).toList();
	}

	private static String describe(ConsumerStatus status) {
		return status.name() + " on " + status.destination() + " (group " + status.group() + ", " + status.state()
				+ ((status.lastError() != null) ? ", last error: " + status.lastError() : "") + ")";
	}

	@Override
	public String toString() {
		return "Delivery[" + this.message + "]";
	}

}
