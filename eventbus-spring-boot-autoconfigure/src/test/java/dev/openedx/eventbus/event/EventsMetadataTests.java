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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventsMetadataTests {

	private static final EventType<String> TYPE = EventType.of("org.openedx.test.thing.happened.v1", "thing",
			String.class);

	@Test
	void defaultsAreThoseOfPythonWithAVersionOneIdAndTheCatalogVersionAsSourcelib() {
		Instant before = Instant.now();
		EventsMetadata metadata = EventOrigin.forService("lms").newMetadata(TYPE);
		assertThat(metadata.eventType()).isEqualTo(TYPE.type());
		assertThat(metadata.id().version()).isEqualTo(1);
		assertThat(metadata.minorVersion()).isZero();
		assertThat(metadata.source()).isEqualTo("openedx/lms/web");
		assertThat(metadata.sourceHost()).isNotBlank();
		assertThat(metadata.time()).isBetween(before.minusMillis(1), Instant.now().plusMillis(1));
		assertThat(metadata.sourceLibText()).isEqualTo("11.2.0");
	}

	@Test
	void withoutAServiceNameTheSourceIsPythonsUnsetName() {
		assertThat(EventsMetadata.builder(TYPE).build().source()).isEqualTo("openedx/SERVICE_NAME_UNSET/web");
	}

	@Test
	void timeIsKeptAtMicrosecondsAndWrittenAsPythonIsoformat() {
		EventsMetadata metadata = EventsMetadata.builder(TYPE).time(Instant.parse("2026-01-02T03:04:05.678901999Z"))
			.build();
		assertThat(metadata.time()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678901Z"));
		assertThat(metadata.timeText()).isEqualTo("2026-01-02T03:04:05.678901+00:00");
		assertThat(EventsMetadata.builder(TYPE).time(Instant.parse("2026-01-05T00:00:00Z")).build().timeText())
			.isEqualTo("2026-01-05T00:00:00+00:00");
	}

	@Test
	void aNaiveWireTimeIsRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> EventsMetadata.parseTime("2026-01-02T03:04:05.678901"))
			.withMessageContaining("'time'")
			.withMessageContaining("naive")
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("time"));
	}

	@Test
	void aNonUtcWireTimeIsRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> EventsMetadata.parseTime("2026-01-02T03:04:05+02:00"))
			.withMessageContaining("'time'")
			.withMessageContaining("+02:00");
	}

	@Test
	void aNonUtcOffsetDateTimeIsRefusedAtCreation() {
		OffsetDateTime paris = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1));
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> EventsMetadata.builder(TYPE).time(paris))
			.withMessageContaining("'time'");
	}

	@Test
	void utcWireTimesInEveryShapePythonAcceptsAreRead() {
		assertThat(EventsMetadata.parseTime("2026-01-02T03:04:05.678901+00:00"))
			.isEqualTo(Instant.parse("2026-01-02T03:04:05.678901Z"));
		assertThat(EventsMetadata.parseTime("2026-01-02T03:04:05Z")).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
		assertThat(EventsMetadata.parseTime("2026-01-02 03:04:05+00:00"))
			.isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
	}

	@Test
	void sourcelibMustBeDotSeparatedIntegers() {
		assertThat(EventsMetadata.parseSourceLib("11.2.0")).containsExactly(11, 2, 0);
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> EventsMetadata.parseSourceLib("0.1.0-SNAPSHOT"))
			.withMessageContaining("'sourcelib'")
			.withMessageContaining("0.1.0-SNAPSHOT");
		assertThatExceptionOfType(InvalidMetadataException.class).isThrownBy(() -> EventsMetadata.parseSourceLib("11..2"));
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> EventsMetadata.builder(TYPE).sourceLib(List.of()).build())
			.withMessageContaining("'sourcelib'");
	}

	@Test
	void idAndMinorVersionParseOrNameTheirField() {
		UUID id = UUID.fromString("92733220-0b81-53ef-ab4a-6e16e22fc61c");
		assertThat(EventsMetadata.parseId(id.toString())).isEqualTo(id);
		assertThatExceptionOfType(InvalidMetadataException.class).isThrownBy(() -> EventsMetadata.parseId("42"))
			.withMessageContaining("'id'");
		assertThat(EventsMetadata.parseMinorVersion("3")).isEqualTo(3);
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> EventsMetadata.parseMinorVersion("x"))
			.withMessageContaining("'minorversion'");
	}

	@Test
	void missingRequiredFieldsAreRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> new EventsMetadata(TYPE.type(), null, 0, "s", "h", Instant.now(), List.of(1)))
			.withMessageContaining("'id'");
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> new EventsMetadata(" ", UUID.randomUUID(), 0, "s", "h", Instant.now(), List.of(1)))
			.withMessageContaining("'event_type'");
	}

}
