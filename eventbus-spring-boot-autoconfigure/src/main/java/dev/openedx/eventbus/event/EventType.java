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
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Describes one Open edX event type: the type string that travels in {@code ce_type} / {@code type}, the name of
 * its single top-level data field, the Java record that holds that data, and its minor version. This is the Java
 * counterpart of an {@code OpenEdxPublicSignal}.
 * <p>
 * The catalog declares one constant per signal; an application declares its own the same way and exposes it as a
 * bean:
 * <pre class="code">
 * public static final EventType&lt;BookLoanData&gt; BOOK_LOANED =
 *         EventType.of("org.acme.library.book.loaned.v1", "loan", BookLoanData.class);
 *
 * publisher.publishEvent(BOOK_LOANED.event(new BookLoanData(...)));
 * </pre>
 *
 * @param <D> the data record type
 * @param type the event type string, for example {@code org.openedx.learning.course.enrollment.created.v1}
 * @param dataKey the name of the single top-level data field, for example {@code enrollment}
 * @param dataType the record class that holds the data
 * @param minorVersion the minor version sent in {@code minorversion} (0 for every catalog event)
 * @param unserializableReason why this type cannot travel on the bus, or {@code null} when it can
 * @since 0.1.0
 */
public record EventType<D>(String type, String dataKey, Class<D> dataType, int minorVersion,
		@Nullable String unserializableReason) {

	// Reverse-DNS dotted names; the catalog also has '-' and '_' inside segments (redemption-reversed, role_assignment).
	private static final Pattern TYPE_PATTERN = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");

	private static final Pattern DATA_KEY_PATTERN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	public EventType {
		Objects.requireNonNull(type, "type must not be null");
		Objects.requireNonNull(dataKey, "dataKey must not be null");
		Objects.requireNonNull(dataType, "dataType must not be null");
		if (!TYPE_PATTERN.matcher(type).matches()) {
			throw new IllegalArgumentException("Event type '" + type
					+ "' is not a dotted reverse-DNS name such as org.openedx.learning.course.enrollment.created.v1");
		}
		if (!DATA_KEY_PATTERN.matcher(dataKey).matches()) {
			throw new IllegalArgumentException(
					"Data key '" + dataKey + "' of event type " + type + " is not a valid Avro field name");
		}
		if (minorVersion < 0) {
			throw new IllegalArgumentException("Minor version of event type " + type + " must not be negative");
		}
	}

	/**
	 * Declare an event type that can travel on the bus, minor version 0.
	 * @param <D> the data record type
	 * @param type the event type string
	 * @param dataKey the top-level data field name
	 * @param dataType the data record class
	 * @return the descriptor, never {@code null}
	 */
	public static <D> EventType<D> of(String type, String dataKey, Class<D> dataType) {
		return new EventType<>(type, dataKey, dataType, 0, null);
	}

	/**
	 * Declare an event type that can travel on the bus with the given minor version.
	 * @param <D> the data record type
	 * @param type the event type string
	 * @param dataKey the top-level data field name
	 * @param dataType the data record class
	 * @param minorVersion the minor version, at least 0
	 * @return the descriptor, never {@code null}
	 */
	public static <D> EventType<D> of(String type, String dataKey, Class<D> dataType, int minorVersion) {
		return new EventType<>(type, dataKey, dataType, minorVersion, null);
	}

	/**
	 * Declare an event type that exists locally but cannot travel on the bus (openedx-events'
	 * {@code KNOWN_UNSERIALIZABLE_SIGNALS}). Schema derivation, encoding and routing refuse it with
	 * {@link UnserializableEventException} naming the reason.
	 * @param <D> the data record type
	 * @param type the event type string
	 * @param dataKey the top-level data field name
	 * @param dataType the data record class
	 * @param reason why it cannot travel, must not be {@code null}
	 * @return the descriptor, never {@code null}
	 */
	public static <D> EventType<D> unserializable(String type, String dataKey, Class<D> dataType, String reason) {
		return new EventType<>(type, dataKey, dataType, 0, Objects.requireNonNull(reason, "reason must not be null"));
	}

	/**
	 * Whether this event type can be serialized and sent on the bus.
	 * @return {@code true} unless declared with {@link #unserializable}
	 */
	public boolean busCapable() {
		return this.unserializableReason == null;
	}

	/**
	 * Create an event of this type whose metadata is stamped when it is first needed (by the event bus
	 * infrastructure when published through Spring, or with defaults otherwise).
	 * @param data the event data, must not be {@code null}
	 * @return a new event, never {@code null}
	 */
	public OpenEdxEvent<D> event(D data) {
		return OpenEdxEvent.of(this, data);
	}

	/**
	 * Create an event of this type with explicit metadata.
	 * @param data the event data, must not be {@code null}
	 * @param metadata the metadata, whose event type must equal {@link #type()}
	 * @return a new event, never {@code null}
	 */
	public OpenEdxEvent<D> event(D data, EventsMetadata metadata) {
		return OpenEdxEvent.of(this, data, metadata);
	}

	/**
	 * Cast an arbitrary object to this type's data type, with a message that names the event type when it does not
	 * fit.
	 * @param data the object
	 * @return the same object, typed
	 */
	public D cast(Object data) {
		if (!this.dataType.isInstance(data)) {
			throw new IllegalArgumentException("Event type " + this.type + " carries " + this.dataType.getName()
					+ " data, not " + data.getClass().getName());
		}
		return this.dataType.cast(data);
	}

	@Override
	public String toString() {
		return this.type;
	}

}
