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
import java.util.concurrent.ThreadFactory;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerWorker;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.consumer.WorkerDispatcher;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Builds the application's workers on in-memory topics: the real {@link ConsumerWorker} (decode, metadata,
 * event-type filter, retries, consecutive-errors limit, failure policy) over an {@link InMemoryMessageSource}, each
 * message decoded by its transport's real decoder. What became of each message is recorded on it for
 * {@link Delivery#awaitOutcome()}.
 */
final class InMemoryConsumerFactory implements EventBusConsumerFactory {

	private final InMemoryBroker broker;

	private final String transport;

	private final Duration pollTimeout;

	private final ThreadFactory threadFactory;

	InMemoryConsumerFactory(InMemoryBroker broker, String transport, Duration pollTimeout,
			ThreadFactory threadFactory) {
		this.broker = broker;
		this.transport = transport;
		this.pollTimeout = pollTimeout;
		this.threadFactory = threadFactory;
	}

	@Override
	public String transport() {
		return this.transport;
	}

	@Override
	public EventBusConsumer create(ConsumerSettings definition, EventDispatcher dispatcher,
			ConsumerObserver observer) {
		Objects.requireNonNull(definition, "definition must not be null");
		ConsumerSettings settings = definition.withPollTimeout(this.pollTimeout);
		StartPosition start = (definition.startPosition() != null) ? definition.startPosition()
				: StartPosition.EARLIEST;
		InMemoryMessageSource source = new InMemoryMessageSource(this.broker, definition.destination(),
				definition.group(), definition.name(), start);
		// Innermost interceptor: counts the attempts that reach the listeners.
		WorkerDispatcher counted = WorkerDispatcher.of(dispatcher)
			.interceptedBy(List.of((worker, message, event, listeners) -> {
				((InMemoryMessage) message).attempted(definition.group());
				listeners.dispatch(event);
			}));
		ConsumerWorker<InMemoryMessage> worker = new ConsumerWorker<>(settings, source, InMemoryMessage::decode,
				counted, recoverer(definition), ConsumerObserver.composite(List.of(observer,
						new OutcomeRecorder(definition))));
		worker.threadFactory(this.threadFactory);
		this.broker.register(worker);
		return worker;
	}

	private FailureRecoverer<InMemoryMessage> recoverer(ConsumerSettings definition) {
		if (definition.failurePolicy() == FailurePolicy.DEAD_LETTER) {
			return (message, failure) -> {
				String deadLetters = message.format().deadLetterTopic(message.topic());
				this.broker.append(deadLetters, (offset) -> new InMemoryMessage(deadLetters, offset, message.wire(),
						message.format(), deadLetters + "@" + offset));
				message.failed(definition.group(), failure, DeliveryOutcome.Result.DEAD_LETTERED);
			};
		}
		return (message, failure) -> message.failed(definition.group(), failure, DeliveryOutcome.Result.SKIPPED);
	}

	/** Records on each message what the worker of one group did with it. */
	private static final class OutcomeRecorder implements ConsumerObserver {

		private final ConsumerSettings definition;

		OutcomeRecorder(ConsumerSettings definition) {
			this.definition = definition;
		}

		@Override
		public void skipped(ConsumerSettings worker, InboundMessage message) {
			// Not one of the worker's event types: acknowledged without being decoded or dispatched.
			((InMemoryMessage) message).handled(this.definition.group(), true);
		}

		@Override
		public void handled(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event, long nanos) {
			((InMemoryMessage) message).handled(this.definition.group(), false);
		}

	}

}
