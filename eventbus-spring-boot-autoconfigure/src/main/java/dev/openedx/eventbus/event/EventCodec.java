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

/**
 * Turns event data into the bytes of the wire and back. The Avro implementation writes exactly what openedx-events
 * writes (plain Avro binary of the data record, no framing); transports add their own framing around it.
 * Implementations prepare everything per event type once, never per event, and are thread-safe.
 *
 * @since 0.1.0
 */
public interface EventCodec {

	/**
	 * Encode event data.
	 * @param <D> the data type
	 * @param type the event type, must be bus-capable
	 * @param data the data
	 * @return the encoded bytes, never {@code null}
	 * @throws EventEncodingException naming the event type and field when the data cannot be encoded
	 * @throws UnserializableEventException when the event type cannot travel on the bus
	 */
	<D> byte[] encode(EventType<D> type, D data);

	/**
	 * Decode event data written with this event type's own schema.
	 * @param <D> the data type
	 * @param type the event type
	 * @param bytes the encoded bytes
	 * @return the data, never {@code null}
	 * @throws EventDecodingException naming the event type (and field where known) on truncated, garbage or
	 * invalid input
	 */
	<D> D decode(EventType<D> type, byte[] bytes);

}
