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

package dev.openedx.eventbus.bench.kafka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.avro.EventKeyField;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.kafka.CloudEventHeaders;
import dev.openedx.eventbus.kafka.ConfluentFraming;
import dev.openedx.eventbus.kafka.Crc32Partitioner;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What both Kafka benchmarks share: realistic events (the enrollment vector's data with one of 100 course keys) and
 * the bytes our producer would send for them, to give the raw client the same work minus ours.
 */
final class KafkaBench {

	static final EventType<CourseEnrollmentData> TYPE = LearningEvents.COURSE_ENROLLMENT_CREATED;

	static final String KEY_FIELD = "enrollment.course.course_key";

	static final EventOrigin ORIGIN = EventOrigin.forService("bench");

	// The data of shared/spec/vectors/org.openedx.learning.course.enrollment.created.v1.json; COURSE varies.
	private static final String DATA = """
			{"enrollment": {"course": {"course_key": "course-v1:edX+DemoCOURSE+2026_T1", "display_name": \
			"Demonstration Course 0", "end": "2026-06-30T23:59:59+00:00", "start": "2026-01-05T00:00:00+00:00"}, \
			"created_by": {"id": 91000, "is_active": true, "pii": {"email": "learner90000@example.com", \
			"name": "L\\u00e9a M\\u00fcller", "username": "learner90000"}}, "creation_date": \
			"2026-03-14T15:09:26.535897+00:00", "is_active": true, "mode": "audit", "user": {"id": 1000, \
			"is_active": true, "pii": {"email": "learner00000@example.com", "name": "Ada Lovelace", \
			"username": "learner00000"}}}}""";

	private KafkaBench() {
	}

	/** Data records for 100 course keys, built once (JSON parsing is not what is measured). */
	static List<CourseEnrollmentData> data() {
		EventJson json = new EventJson(OpenEdxCatalog.catalog());
		List<CourseEnrollmentData> data = new ArrayList<>();
		for (int course = 0; course < 100; course++) {
			data.add(json.dataFromJson(TYPE, DATA.replace("COURSE", Integer.toString(course))));
		}
		return data;
	}

	/**
	 * A JSON-lines file of {@code count} data objects (the 100 course keys in turn), as {@code produce-event -d @FILE}
	 * reads it.
	 */
	static java.nio.file.Path dataFile(int count) throws java.io.IOException {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("eventbus-bench-", ".jsonl");
		file.toFile().deleteOnExit();
		try (java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(file)) {
			for (int i = 0; i < count; i++) {
				out.write(DATA.replace("COURSE", Integer.toString(i % 100)));
				out.write('\n');
			}
		}
		return file;
	}

	/** The event bus's linger.ms, or {@code -Dlinger.ms}: both sides of a Kafka benchmark use it. */
	static int lingerMs() {
		return Integer.getInteger("linger.ms", dev.openedx.eventbus.kafka.KafkaEventBusProducer.DEFAULT_LINGER_MS);
	}

	/** Fresh events with their metadata stamped, as an application hands them to the bus. */
	static List<OpenEdxEvent<CourseEnrollmentData>> events(List<CourseEnrollmentData> data, int count) {
		List<OpenEdxEvent<CourseEnrollmentData>> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			events.add(OpenEdxEvent.of(TYPE, data.get(i % data.size()), ORIGIN.newMetadata(TYPE)));
		}
		return events;
	}

	/** The records our producer would send for these events, serialized in advance. */
	static List<ProducerRecord<byte[], byte[]>> preSerialized(String topic, List<OpenEdxEvent<CourseEnrollmentData>> events,
			AvroEventCodec codec, SchemaRegistryClient registry) {
		EventKeyField keyField = codec.keyField(TYPE, KEY_FIELD);
		int keyId = registry.register(topic + "-" + keyField.primitiveName(), keyField.schema());
		int valueId = registry.register(topic + "-" + codec.schema(TYPE).getFullName(), codec.schema(TYPE));
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events.size());
		for (OpenEdxEvent<CourseEnrollmentData> event : events) {
			records.add(new ProducerRecord<>(topic, null, null,
					ConfluentFraming.frame(keyId, keyField.encode(event.data())),
					ConfluentFraming.frame(valueId, codec.encode(TYPE, event.data())),
					CloudEventHeaders.write(event.metadata())));
		}
		return records;
	}

	/** The producer settings both sides use: what the event bus enforces. */
	static Map<String, Object> producerConfig(String bootstrapServers) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, Crc32Partitioner.class);
		config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs());
		return config;
	}

	static int intArg(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index]) : fallback;
	}

	static double percentile(long[] sortedNanos, double percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1_000_000.0;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
