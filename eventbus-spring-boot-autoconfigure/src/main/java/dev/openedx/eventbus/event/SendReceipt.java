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

import java.util.UUID;

/**
 * What the broker said when it accepted an event.
 *
 * @param transport {@code kafka} or {@code redis}
 * @param destination the full (prefixed) topic or stream name
 * @param position where the event landed: {@code partition@offset} on Kafka, the entry id on Redis
 * @param eventId the event id ({@code ce_id} / {@code id})
 * @since 0.1.0
 */
public record SendReceipt(String transport, String destination, String position, UUID eventId) {

	@Override
	public String toString() {
		return this.transport + ":" + this.destination + "@" + this.position + " id=" + this.eventId;
	}

}
