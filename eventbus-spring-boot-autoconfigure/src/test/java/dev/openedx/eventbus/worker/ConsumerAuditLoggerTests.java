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

package dev.openedx.eventbus.worker;

import java.util.Map;

import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.XBlockData;
import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.testing.LogCapture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer audit log: one line per event (not one on receipt and one when handled), with the coordinates, key,
 * id, type and time, wire values escaped, switched off per worker or for all.
 */
class ConsumerAuditLoggerTests {

	private static final ConsumerSettings ENROLLMENTS = ConsumerSettings.defaults("kafka", "stage-xblocks", "cms");

	private static final ConsumerSettings OTHER = ConsumerSettings.defaults("kafka", "stage-other", "cms");

	private final OpenEdxEvent<XBlockData> event = OpenEdxEvent.of(ContentAuthoringEvents.XBLOCK_PUBLISHED,
			new EventJson(OpenEdxCatalog.catalog()).dataFromJson(ContentAuthoringEvents.XBLOCK_PUBLISHED,
					"{\"xblock_info\": {\"usage_key\": \"block-v1:edX+D+T+type@vertical+block@v1\", "
							+ "\"block_type\": \"vertical\", \"version\": null}}"),
			EventOrigin.forService("cms").newMetadata(ContentAuthoringEvents.XBLOCK_PUBLISHED));

	@Test
	void writesOneLinePerHandledEventAndNoneOnReceipt() {
		try (LogCapture log = new LogCapture()) {
			ConsumerObserver audit = new ConsumerAuditLogger();
			audit.received(ENROLLMENTS, message("k1\nforged"), this.event);
			audit.handled(ENROLLMENTS, message("k1\nforged"), this.event, 3_400_000);
			assertThat(log.messages()).singleElement()
				.isEqualTo("event handled worker=" + ENROLLMENTS.name() + " at=stage-xblocks-0@42 key=k1\\nforged id="
						+ this.event.metadata().id() + " type=" + ContentAuthoringEvents.Types.XBLOCK_PUBLISHED
						+ " time=" + this.event.metadata().timeText() + " ms=3");
		}
	}

	@Test
	void writesOneLineForAnEventThatFailedForGood() {
		try (LogCapture log = new LogCapture()) {
			new ConsumerAuditLogger().failed(ENROLLMENTS, message(null),
					new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, "bad bytes"));
			assertThat(log.messages()).containsExactly(
					"event failed worker=" + ENROLLMENTS.name() + " at=stage-xblocks-0@42 failure=undecodable_value");
		}
	}

	@Test
	void isSwitchedOffPerWorkerOrForAllWorkers() {
		try (LogCapture log = new LogCapture()) {
			ConsumerAuditLogger perWorker = new ConsumerAuditLogger(true, Map.of(ENROLLMENTS.name(), false));
			perWorker.handled(ENROLLMENTS, message("k"), this.event, 0);
			perWorker.handled(OTHER, message("k"), this.event, 0);
			ConsumerAuditLogger offButOne = new ConsumerAuditLogger(false, Map.of(OTHER.name(), true));
			offButOne.handled(ENROLLMENTS, message("k"), this.event, 0);
			offButOne.handled(OTHER, message("k"), this.event, 0);
			assertThat(log.messages()).hasSize(2).allSatisfy((line) -> assertThat(line).contains(OTHER.name()));
			assertThat(perWorker.isEnabled(ENROLLMENTS.name())).isFalse();
			assertThat(offButOne.isEnabled("anything")).isFalse();
		}
	}

	private static InboundMessage message(@Nullable String key) {
		return new InboundMessage() {

			@Override
			public String coordinates() {
				return "stage-xblocks-0@42";
			}

			@Override
			public @Nullable String key() {
				return key;
			}

			@Override
			public @Nullable String eventId() {
				return null;
			}

			@Override
			public @Nullable String eventType() {
				return null;
			}

		};
	}

}
