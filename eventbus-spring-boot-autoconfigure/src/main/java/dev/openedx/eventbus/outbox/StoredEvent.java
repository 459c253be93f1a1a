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

package dev.openedx.eventbus.outbox;

import org.jspecify.annotations.Nullable;

/**
 * One row of the outbox: the Avro binary of the event data (what both transports put on the wire), the metadata as
 * its wire text, and the fingerprint of the schema the data was written with.
 *
 * @param id the row id ({@code 0} before insertion)
 * @param eventId the event id text
 * @param eventType the event type
 * @param destination the topic or stream, prefix applied
 * @param eventKeyField the key field of the route, or {@code null}
 * @param source the {@code source} metadata
 * @param sourceHost the {@code sourcehost} metadata
 * @param sourceLib the {@code sourcelib} metadata as text
 * @param time the {@code time} metadata as text
 * @param minorVersion the {@code minorversion} metadata
 * @param schemaFingerprint the fingerprint of the schema that wrote the data
 * @param data the Avro binary of the data
 * @param attempts the failed sends so far
 * @param publishedAt when it was stored, epoch milliseconds
 */
record StoredEvent(long id, String eventId, String eventType, String destination, @Nullable String eventKeyField,
		String source, String sourceHost, String sourceLib, String time, int minorVersion, long schemaFingerprint,
		byte[] data, int attempts, long publishedAt) {
}
