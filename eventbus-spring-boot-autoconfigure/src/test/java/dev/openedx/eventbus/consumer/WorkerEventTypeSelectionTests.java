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

package dev.openedx.eventbus.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openedx.eventbus.consumer.ConsumerWorkerTests.Note;
import dev.openedx.eventbus.consumer.ConsumerWorkerTests.RecordingObserver;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.kafka.CloudEventHeaders;
import dev.openedx.eventbus.kafka.KafkaInboundMessage;
import dev.openedx.eventbus.redis.RedisStreamMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker's {@code event-types} apply to the type header ({@code ce_type}) or field ({@code type}) of each message
 * before it is decoded: messages of other types are acknowledged without being decoded, dead-lettered, counted or
 * deferred, on a real {@link KafkaInboundMessage} and a real {@link RedisStreamMessage} (from an in-memory source:
 * the unit of this rule is the engine, not the broker).
 */
class WorkerEventTypeSelectionTests {

	private static final String SELECTED = "org.test.note.added.v1";

	private static final String OTHER = "org.test.note.deleted.v1";

	private static final EventType<Note> NOTE = EventType.of(SELECTED, "note", Note.class);

	private final RecordingObserver observer = new RecordingObserver();

	private final List<String> decoded = new CopyOnWriteArrayList<>();

	private final List<String> dispatched = new CopyOnWriteArrayList<>();

	private final List<String> recovered = new CopyOnWriteArrayList<>();

	private boolean bySettings;

	@Test
	void kafkaRecordsOfOtherTypesAreNeitherDecodedNorCountedNorDeadLettered() {
		List<InboundMessage> messages = List.of(kafka(0, SELECTED), kafka(1, OTHER), kafka(2, OTHER),
				kafka(3, SELECTED), kafka(4, null));
		Batch source = consume(messages);
		assertThat(this.decoded).containsExactly("notes-0@0", "notes-0@3", "notes-0@4");
		assertThat(this.observer.skipped).containsExactly("notes-0@1", "notes-0@2");
		assertOnlySelectedHandled(source, 2);
		// A record without a type is no other type: decoding tells what it is (here a failure of its own).
		assertThat(this.recovered).containsExactly("notes-0@4:MISSING_METADATA");
	}

	@Test
	void redisEntriesOfOtherTypesAreNeitherDecodedNorCountedNorDeadLettered() {
		List<InboundMessage> messages = List.of(redis("1-0", SELECTED), redis("2-0", OTHER), redis("3-0", OTHER),
				redis("4-0", SELECTED), redis("5-0", null));
		Batch source = consume(messages);
		assertThat(this.decoded).containsExactly("notes@1-0", "notes@4-0", "notes@5-0");
		assertThat(this.observer.skipped).containsExactly("notes@2-0", "notes@3-0");
		assertOnlySelectedHandled(source, 2);
		assertThat(this.recovered).containsExactly("notes@5-0:MISSING_METADATA");
	}

	@Test
	void theEventTypesOfTheWorkersSettingsApplyBeforeDecodingToo() {
		List<InboundMessage> messages = List.of(redis("1-0", OTHER), kafka(1, SELECTED), kafka(2, OTHER),
				redis("4-0", SELECTED), redis("5-0", null));
		this.bySettings = true;
		Batch source = consume(messages);
		assertThat(this.decoded).containsExactly("notes-0@1", "notes@4-0", "notes@5-0");
		assertThat(this.observer.skipped).containsExactly("notes@1-0", "notes-0@2");
		assertOnlySelectedHandled(source, 2);
	}

	@Test
	void aWorkerDispatcherSelectsByTypeAndRunsItsInterceptorsOutsideIn() throws Exception {
		List<String> calls = new ArrayList<>();
		WorkerDispatcher dispatcher = WorkerDispatcher.of((event) -> calls.add("listeners"))
			.selecting(Set.of(SELECTED))
			.interceptedBy(List.of((worker, message, event, next) -> {
				calls.add("outer>");
				next.dispatch(event);
				calls.add("<outer");
			}))
			.interceptedBy(List.of((worker, message, event, next) -> {
				calls.add("inner:" + message.coordinates());
				next.dispatch(event);
			}));
		assertThat(dispatcher.selects(SELECTED)).isTrue();
		assertThat(dispatcher.selects(OTHER)).isFalse();
		assertThat(dispatcher.selects(null)).isTrue();
		assertThat(WorkerDispatcher.of(dispatcher)).isSameAs(dispatcher);
		assertThat(WorkerDispatcher.of((event) -> {
		}).selects(OTHER)).isTrue();
		dispatcher.dispatch(ConsumerSettings.defaults("memory", "notes", "g"), kafka(9, SELECTED), event("x"));
		assertThat(calls).containsExactly("outer>", "inner:notes-0@9", "listeners", "<outer");
	}

	private void assertOnlySelectedHandled(Batch source, int selected) {
		assertThat(this.dispatched).hasSize(selected);
		assertThat(source.acknowledged).hasSize(5);
		assertThat(this.observer.received).hasSize(selected);
		assertThat(this.observer.pollFailures.get()).isZero();
	}

	private Batch consume(List<InboundMessage> messages) {
		Batch source = new Batch(messages);
		ConsumerSettings settings = ConsumerSettings.defaults("memory", "notes", "group")
			.withPollTimeout(Duration.ofMillis(20));
		WorkerDispatcher dispatcher = WorkerDispatcher.of((event) -> this.dispatched.add(((Note) event.data()).text()));
		if (this.bySettings) {
			settings = settings.withEventTypes(Set.of(SELECTED));
		}
		else {
			dispatcher = dispatcher.selecting(Set.of(SELECTED));
		}
		ConsumerWorker<InboundMessage> worker = new ConsumerWorker<>(settings, source, this::decode, dispatcher,
				(message, failure) -> this.recovered.add(message.coordinates() + ":" + failure.kind()),
				this.observer);
		worker.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> source.acknowledged.size() == messages.size());
		}
		finally {
			worker.stop(Duration.ofSeconds(10));
		}
		assertThat(worker.status().failed()).isEqualTo(1);
		assertThat(worker.status().handled()).isEqualTo(this.dispatched.size());
		return source;
	}

	/** A decoder that would dead-letter every message of another type, and defer none. */
	private OpenEdxEvent<?> decode(InboundMessage message) {
		this.decoded.add(message.coordinates());
		if (message.eventType() == null) {
			throw new ConsumeFailureException(FailureKind.MISSING_METADATA, "no type");
		}
		if (!SELECTED.equals(message.eventType())) {
			throw new ConsumeFailureException(FailureKind.UNKNOWN_EVENT_TYPE, "not in this catalog");
		}
		return event(message.coordinates());
	}

	private static OpenEdxEvent<?> event(String text) {
		return OpenEdxEvent.received(NOTE, new Note(text), EventsMetadata.builder(NOTE).build());
	}

	private static KafkaInboundMessage kafka(long offset, @Nullable String type) {
		ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("notes", 0, offset, null, new byte[] { 0 });
		if (type != null) {
			record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		}
		return new KafkaInboundMessage(record);
	}

	private static RedisStreamMessage redis(String id, @Nullable String type) {
		List<Map.Entry<byte[], byte[]>> fields = new ArrayList<>();
		if (type != null) {
			fields.add(Map.entry("type".getBytes(StandardCharsets.UTF_8),
					type.getBytes(StandardCharsets.UTF_8)));
		}
		fields.add(Map.entry("data".getBytes(StandardCharsets.UTF_8), new byte[] { 0 }));
		return new RedisStreamMessage("notes", id, fields);
	}

	/** One batch, then nothing. */
	static final class Batch implements MessageSource<InboundMessage> {

		final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());

		private @Nullable List<InboundMessage> batch;

		Batch(List<InboundMessage> batch) {
			this.batch = batch;
		}

		@Override
		public synchronized List<InboundMessage> poll(Duration timeout) throws InterruptedException {
			List<InboundMessage> next = this.batch;
			this.batch = null;
			if (next == null) {
				wait(timeout.toMillis());
				return List.of();
			}
			return next;
		}

		@Override
		public void acknowledge(InboundMessage message) {
			this.acknowledged.add(message.coordinates());
		}

		@Override
		public synchronized void wakeup() {
			notifyAll();
		}

		@Override
		public void close() {
		}

	}

}
