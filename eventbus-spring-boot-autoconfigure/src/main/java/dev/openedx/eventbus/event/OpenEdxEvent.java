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

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * One Open edX event: its type, its data record and its metadata. Publish it with Spring's
 * {@code ApplicationEventPublisher} and the event bus sends it where {@code eventbus.producer.events} routes its
 * type; events received from the bus are re-fired as instances of this class with {@link #fromEventBus()} set, and
 * are never sent back to the bus.
 * <pre class="code">
 * publisher.publishEvent(LearningEvents.COURSE_ENROLLMENT_CREATED.event(enrollment));
 *
 * &#64;EventListener
 * void on(OpenEdxEvent&lt;CourseEnrollmentData&gt; event) { ... } // generic type is honoured
 * </pre>
 * <p>
 * An event created without metadata is stamped once, when metadata is first needed: by the event bus
 * infrastructure with the service's {@link EventOrigin} (before any other listener runs), or by {@link #metadata()}
 * with {@link EventOrigin#local()} defaults outside Spring. Every reader sees the same id and time.
 *
 * @param <D> the data record type
 * @since 0.1.0
 */
public final class OpenEdxEvent<D> implements ResolvableTypeProvider {

	private final EventType<D> type;

	private final D data;

	private final boolean fromEventBus;

	private final AtomicReference<EventsMetadata> metadata;

	private OpenEdxEvent(EventType<D> type, D data, @Nullable EventsMetadata metadata, boolean fromEventBus) {
		this.type = Objects.requireNonNull(type, "type must not be null");
		Objects.requireNonNull(data, "data must not be null");
		this.data = type.cast(data);
		if (metadata != null && !metadata.eventType().equals(type.type())) {
			throw new IllegalArgumentException("Metadata of event type " + metadata.eventType()
					+ " cannot describe an event of type " + type.type());
		}
		this.metadata = new AtomicReference<>(metadata);
		this.fromEventBus = fromEventBus;
	}

	/**
	 * An event to publish, stamped with metadata when first needed.
	 * @param <D> the data type
	 * @param type the event type, must not be {@code null}
	 * @param data the data, must not be {@code null}
	 * @return the event, never {@code null}
	 */
	public static <D> OpenEdxEvent<D> of(EventType<D> type, D data) {
		return new OpenEdxEvent<>(type, data, null, false);
	}

	/**
	 * An event to publish with explicit metadata (for example a time taken from a database record).
	 * @param <D> the data type
	 * @param type the event type, must not be {@code null}
	 * @param data the data, must not be {@code null}
	 * @param metadata the metadata, whose event type must match
	 * @return the event, never {@code null}
	 */
	public static <D> OpenEdxEvent<D> of(EventType<D> type, D data, EventsMetadata metadata) {
		return new OpenEdxEvent<>(type, data, Objects.requireNonNull(metadata, "metadata must not be null"), false);
	}

	/**
	 * An event received from the bus, to be re-fired locally and never produced again.
	 * @param <D> the data type
	 * @param type the event type, must not be {@code null}
	 * @param data the data, must not be {@code null}
	 * @param metadata the metadata read from the wire
	 * @return the event, never {@code null}
	 */
	public static <D> OpenEdxEvent<D> received(EventType<D> type, D data, EventsMetadata metadata) {
		return new OpenEdxEvent<>(type, data, Objects.requireNonNull(metadata, "metadata must not be null"), true);
	}

	public EventType<D> type() {
		return this.type;
	}

	public D data() {
		return this.data;
	}

	/**
	 * Whether this event was received from the bus (Python's {@code from_event_bus=True}).
	 * @return {@code true} for re-fired events
	 */
	public boolean fromEventBus() {
		return this.fromEventBus;
	}

	/**
	 * The metadata, stamped now with {@link EventOrigin#local()} defaults if nothing stamped it before.
	 * @return the metadata, never {@code null}
	 */
	public EventsMetadata metadata() {
		return metadata(EventOrigin.local());
	}

	/**
	 * The metadata, stamped now with the given origin if nothing stamped it before.
	 * @param origin the origin to stamp with when needed
	 * @return the metadata, never {@code null}
	 */
	public EventsMetadata metadata(EventOrigin origin) {
		EventsMetadata current = this.metadata.get();
		if (current != null) {
			return current;
		}
		this.metadata.compareAndSet(null, origin.newMetadata(this.type));
		return this.metadata.get();
	}

	/**
	 * Whether metadata has been set or stamped already.
	 * @return {@code true} once metadata exists
	 */
	public boolean isStamped() {
		return this.metadata.get() != null;
	}

	@Override
	public ResolvableType getResolvableType() {
		return ResolvableType.forClassWithGenerics(OpenEdxEvent.class, this.type.dataType());
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof OpenEdxEvent<?> that && this.type.equals(that.type)
				&& this.data.equals(that.data) && Objects.equals(this.metadata.get(), that.metadata.get())
				&& this.fromEventBus == that.fromEventBus);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.type, this.data);
	}

	@Override
	public String toString() {
		EventsMetadata current = this.metadata.get();
		return "OpenEdxEvent[" + this.type.type() + ((current != null) ? ", id=" + current.id() : "")
				+ (this.fromEventBus ? ", from event bus" : "") + "]";
	}

}
