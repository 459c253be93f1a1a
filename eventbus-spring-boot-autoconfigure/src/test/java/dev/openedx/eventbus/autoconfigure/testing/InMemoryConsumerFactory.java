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

package dev.openedx.eventbus.autoconfigure.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerWorker;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.consumer.MessageSource;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

/**
 * A fake transport (a unit seam): the real shared worker engine over an in-memory queue per topic, so the Spring
 * wiring can be proven without a broker. Acknowledged messages are recorded, so tests can check that nothing is
 * acknowledged before it was handled. * <p>
 * Users get the documented in-memory transport from {@code eventbus-spring-boot-test}; that module depends on this
 * one, so this module's own tests cannot use it (Maven refuses the cycle) and keep this small seam.
 */
public final class InMemoryConsumerFactory implements EventBusConsumerFactory {

	private final Map<String, BlockingQueue<Message>> topics = new ConcurrentHashMap<>();

	private final List<Message> acknowledged = new CopyOnWriteArrayList<>();

	private final List<ConsumerSettings> definitions = new CopyOnWriteArrayList<>();

	private final List<ConsumerWorker<Message>> workers = new CopyOnWriteArrayList<>();

	private final AtomicLong offsets = new AtomicLong();

	private final String transport;

	private volatile Consumer<Message> onAcknowledge = (message) -> {
	};

	public InMemoryConsumerFactory() {
		this("memory");
	}

	/**
	 * A fake that says it is the given transport, which decides for instance the {@code --extra} keys accepted.
	 * @param transport the transport name
	 */
	public InMemoryConsumerFactory(String transport) {
		this.transport = transport;
	}

	@Override
	public String transport() {
		return this.transport;
	}

	/**
	 * Run something as each message is acknowledged, to check what had happened by then.
	 * @param onAcknowledge the callback
	 */
	public void onAcknowledge(Consumer<Message> onAcknowledge) {
		this.onAcknowledge = onAcknowledge;
	}

	@Override
	public EventBusConsumer create(ConsumerSettings definition, EventDispatcher dispatcher,
			ConsumerObserver observer) {
		this.definitions.add(definition);
		ConsumerSettings settings = definition.withPollTimeout(Duration.ofMillis(50));
		BlockingQueue<Message> queue = queue(definition.destination());
		MessageSource<Message> source = new MessageSource<>() {

			@Override
			public List<Message> poll(Duration timeout) throws InterruptedException {
				Message first = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
				if (first == null) {
					return List.of();
				}
				List<Message> batch = new ArrayList<>();
				batch.add(first);
				queue.drainTo(batch);
				return batch;
			}

			@Override
			public void acknowledge(Message message) {
				InMemoryConsumerFactory.this.onAcknowledge.accept(message);
				InMemoryConsumerFactory.this.acknowledged.add(message);
			}

			@Override
			public void close() {
			}

		};
		ConsumerWorker<Message> worker = new ConsumerWorker<>(settings, source, Message::event, dispatcher,
				FailureRecoverer.logAndSkip(), observer);
		this.workers.add(worker);
		return worker;
	}

	/**
	 * Put an event on a topic, as if another service had sent it.
	 * @param topic the topic
	 * @param event the event, usually made with {@link OpenEdxEvent#received}
	 * @return the message
	 */
	public Message deliver(String topic, OpenEdxEvent<?> event) {
		Message message = new Message(topic + "@" + this.offsets.getAndIncrement(), event);
		queue(topic).add(message);
		return message;
	}

	public List<Message> acknowledged() {
		return List.copyOf(this.acknowledged);
	}

	public List<ConsumerSettings> definitions() {
		return List.copyOf(this.definitions);
	}

	public List<ConsumerWorker<Message>> workers() {
		return List.copyOf(this.workers);
	}

	private BlockingQueue<Message> queue(String topic) {
		return this.topics.computeIfAbsent(topic, (key) -> new LinkedBlockingQueue<>());
	}

	public record Message(String coordinates, OpenEdxEvent<?> event) implements InboundMessage {

		@Override
		public @Nullable String key() {
			return null;
		}

		@Override
		public @Nullable String eventId() {
			return this.event.metadata().id().toString();
		}

		@Override
		public @Nullable String eventType() {
			return this.event.type().type();
		}

	}

}
