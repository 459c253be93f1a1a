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

package dev.openedx.eventbus.test;

import dev.openedx.eventbus.test.LibraryApplication.BookData;
import dev.openedx.eventbus.test.LibraryApplication.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static dev.openedx.eventbus.test.LibraryApplication.BOOK_LOANED;
import static dev.openedx.eventbus.test.LibraryApplication.BOOK_SCANNED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test that opts out of the codec: the event objects travel as they are, so even an event type that cannot go on
 * the wire passes (which the codec-on tests show failing).
 */
@SpringBootTest(classes = LibraryApplication.class, properties = { "spring.application.name=library",
		"eventbus.consumer.workers.loans.topic=library-loans", "eventbus.consumer.workers.loans.group-id=desk" })
@AutoConfigureInMemoryEventBus(encode = false)
class InMemoryEventBusWithoutCodecTests {

	@Autowired
	InboundEvents inbound;

	@Autowired
	Listeners listeners;

	@Autowired
	InMemoryTransport transport;

	@Test
	void theEventObjectsTravelAsTheyAre() {
		assertThat(this.transport.typedForm()).isInstanceOf(ObjectWireFormat.class);
		DeliveryOutcome outcome = this.inbound.deliver("library-loans", BOOK_LOANED.event(new BookData("1", "Emma", 1)))
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
		assertThat(this.listeners.loans).extracting(BookData::title).contains("Emma");
	}

	@Test
	void anEventTypeThatCannotTravelOnTheBusIsDeliveredAnyway() {
		DeliveryOutcome outcome = this.inbound.deliver("library-loans", BOOK_SCANNED.event(new BookData("2", "x", 1)))
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
	}

}
