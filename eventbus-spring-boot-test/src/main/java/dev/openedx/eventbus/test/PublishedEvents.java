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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.assertj.core.api.AssertProvider;
import org.jspecify.annotations.Nullable;

/**
 * The events the application sent to the in-memory bus, in order; a bean of {@link AutoConfigureInMemoryEventBus}
 * tests, emptied before each test method. Thread-safe: events sent from other threads (an after-commit send, an
 * {@code @Async} method) can be waited for with {@link #await(EventType, Duration)} or polled by Awaitility.
 * <pre class="code">
 * &#64;Autowired PublishedEvents published;
 *
 * assertThat(published).ofType(LearningEvents.COURSE_ENROLLMENT_CREATED)
 *     .singleEvent()
 *     .hasTopic("learning-course-enrollment-lifecycle")
 *     .hasKey("course-v1:edX+DemoX+2026_T1");
 * </pre>
 *
 * @since 0.1.0
 */
public final class PublishedEvents implements AssertProvider<PublishedEventsAssert> {

	private final List<PublishedEvent<?>> events = new ArrayList<>();

	synchronized <D> PublishedEvent<D> add(String topic, @Nullable String eventKeyField, @Nullable String key,
			OpenEdxEvent<D> event) {
		PublishedEvent<D> published = new PublishedEvent<>(this.events.size(), topic, eventKeyField, key, event);
		this.events.add(published);
		notifyAll();
		return published;
	}

	/**
	 * Every event sent, in order.
	 * @return a snapshot, never {@code null}
	 */
	public synchronized List<PublishedEvent<?>> all() {
		return List.copyOf(this.events);
	}

	/**
	 * The events of one type, in order.
	 * @param <D> the data type
	 * @param type the event type
	 * @return a snapshot, never {@code null}
	 */
	@SuppressWarnings("unchecked")
	public <D> List<PublishedEvent<D>> ofType(EventType<D> type) {
		Objects.requireNonNull(type, "type must not be null");
		return all().stream()
			.filter((event) -> event.type().equals(type))
			.map((event) -> (PublishedEvent<D>) event)
			.toList();
	}

	/**
	 * The events sent to one topic, in order.
	 * @param topic the full topic name
	 * @return a snapshot, never {@code null}
	 */
	public List<PublishedEvent<?>> toTopic(String topic) {
		return all().stream().filter((event) -> event.topic().equals(topic)).toList();
	}

	/**
	 * Wait for the first event of a type (one sent already counts), without sleeping.
	 * @param <D> the data type
	 * @param type the event type
	 * @param timeout how long at most
	 * @return the first such event
	 * @throws AssertionError when none was sent in time; the message lists what was sent
	 */
	@SuppressWarnings("unchecked")
	public <D> PublishedEvent<D> await(EventType<D> type, Duration timeout) {
		return (PublishedEvent<D>) await((event) -> event.type().equals(type), timeout, "no " + type.type());
	}

	/**
	 * Wait for the first event that matches (one sent already counts), without sleeping.
	 * @param condition what the event must satisfy
	 * @param timeout how long at most
	 * @return the first matching event
	 * @throws AssertionError when none was sent in time; the message lists what was sent
	 */
	public PublishedEvent<?> await(Predicate<? super PublishedEvent<?>> condition, Duration timeout) {
		return await(condition, timeout, "no matching event");
	}

	private synchronized PublishedEvent<?> await(Predicate<? super PublishedEvent<?>> condition, Duration timeout,
			String what) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			for (PublishedEvent<?> event : this.events) {
				if (condition.test(event)) {
					return event;
				}
			}
			long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (remaining <= 0) {
				throw new AssertionError("Waited " + timeout + " but " + what + " was published; published: "
						+ this.events);
			}
			try {
				wait(remaining);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for a published event", ex);
			}
		}
	}

	/**
	 * Forget every event sent so far (done before each test method).
	 */
	public synchronized void clear() {
		this.events.clear();
	}

	/**
	 * AssertJ's entry point: {@code assertThat(published)}.
	 * @return the assertions on a snapshot of the events
	 */
	@Override
	public PublishedEventsAssert assertThat() {
		return new PublishedEventsAssert(all());
	}

	@Override
	public String toString() {
		return all().toString();
	}

}
