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

package dev.openedx.eventbus.command;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.XBlockData;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Input of the bulk {@code produce-event} tests: xblock events whose usage key carries the line's number and whose
 * block type (the key of the Kafka tests) is one of seven.
 */
final class BulkLines {

	static final EventType<XBlockData> TYPE = ContentAuthoringEvents.XBLOCK_PUBLISHED;

	private BulkLines() {
	}

	static String usageKey(int line) {
		return usageKey(line, "");
	}

	private static String usageKey(int line, String padding) {
		return "block-v1:edX+Bulk+2026_T1+type@vertical+block@b" + padding + line;
	}

	static String dataLine(int line) {
		return dataLine(line, "");
	}

	static String dataLine(int line, String padding) {
		return "{\"xblock_info\": {\"usage_key\": \"" + usageKey(line, padding) + "\", \"block_type\": \"type"
				+ (line % 7) + "\", \"version\": null}}";
	}

	static List<String> dataLines(int count) {
		List<String> lines = new ArrayList<>(count);
		for (int line = 0; line < count; line++) {
			lines.add(dataLine(line));
		}
		return lines;
	}

	static List<String> usageKeys(int count) {
		List<String> keys = new ArrayList<>(count);
		for (int line = 0; line < count; line++) {
			keys.add(usageKey(line));
		}
		return keys;
	}

	static List<String> usageKeys(EventJson json, List<String> printed) {
		return printed.stream().map((line) -> ((XBlockData) json.fromJson(line).data()).usageKey().toString()).toList();
	}

	static List<OpenEdxEvent<?>> events(int count) {
		EventOrigin origin = EventOrigin.forService("bulk-test");
		EventJson json = new EventJson(dev.openedx.eventbus.catalog.OpenEdxCatalog.catalog());
		List<OpenEdxEvent<?>> events = new ArrayList<>(count);
		for (int line = 0; line < count; line++) {
			XBlockData data = json.dataFromJson(TYPE, dataLine(line));
			events.add(OpenEdxEvent.of(TYPE, data, origin.newMetadata(TYPE)));
		}
		return events;
	}

	static byte[] wholeEventLines(EventJson json, List<OpenEdxEvent<?>> events) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (OpenEdxEvent<?> event : events) {
			out.writeBytes(json.toJson(event).getBytes(StandardCharsets.UTF_8));
			out.write('\n');
		}
		return out.toByteArray();
	}

	/** A whole event whose metadata names an event type no catalog knows. */
	static String unknownEventTypeLine() {
		return "{\"metadata\": {\"event_type\": \"org.acme.unknown.v1\", \"id\": \"" + java.util.UUID.randomUUID()
				+ "\", \"minorversion\": 0, \"source\": \"openedx/studio/web\", \"sourcehost\": \"h\", "
				+ "\"time\": \"2026-01-01T00:00:00+00:00\", \"sourcelib\": [11, 2, 0]}, \"data\": {}}";
	}

}
