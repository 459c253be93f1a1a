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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OpenEdxEventTests {

	record Note(String text) {
	}

	private static final EventType<Note> NOTED = EventType.of("org.test.note.added.v1", "note", Note.class);

	private static final EventType<Note> EDITED = EventType.of("org.test.note.edited.v1", "note", Note.class);

	@Test
	void anEventWithoutMetadataIsStampedOnceWithTheFirstOriginAskedAndEveryReaderSeesTheSameMetadata()
			throws Exception {
		OpenEdxEvent<Note> event = NOTED.event(new Note("a"));
		assertThat(event.isStamped()).isFalse();
		List<EventsMetadata> seen = new CopyOnWriteArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		for (int i = 0; i < 8; i++) {
			String service = "svc" + i;
			pool.execute(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				seen.add(event.metadata(EventOrigin.forService(service)));
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).hasSize(8).allSatisfy((metadata) -> assertThat(metadata).isSameAs(seen.get(0)));
		assertThat(event.metadata()).isSameAs(seen.get(0));
	}

	@Test
	void explicitMetadataMustDescribeTheSameEventType() {
		EventsMetadata edited = EventOrigin.forService("lms").newMetadata(EDITED);
		assertThatIllegalArgumentException().isThrownBy(() -> NOTED.event(new Note("a"), edited))
			.withMessageContaining("org.test.note.edited.v1")
			.withMessageContaining("org.test.note.added.v1");
	}

	@Test
	void dataOfTheWrongTypeIsRefusedNamingTheEventType() {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		EventType<Object> raw = (EventType) NOTED;
		assertThatIllegalArgumentException().isThrownBy(() -> OpenEdxEvent.of(raw, "not a note"))
			.withMessageContaining("org.test.note.added.v1");
	}

	@Test
	void receivedEventsAreMarkedAsComingFromTheBus() {
		EventsMetadata metadata = EventOrigin.forService("lms").newMetadata(NOTED);
		assertThat(OpenEdxEvent.received(NOTED, new Note("a"), metadata).fromEventBus()).isTrue();
		assertThat(OpenEdxEvent.of(NOTED, new Note("a"), metadata).fromEventBus()).isFalse();
	}

	@Test
	void theGenericTypeIsTheDataTypeSoSpringListenersOfOtherDataTypesAreNotCalled() {
		ResolvableType type = NOTED.event(new Note("a")).getResolvableType();
		assertThat(type.getGeneric(0).resolve()).isEqualTo(Note.class);
		assertThat(ResolvableType.forClassWithGenerics(OpenEdxEvent.class, String.class).isAssignableFrom(type))
			.isFalse();
	}

}
