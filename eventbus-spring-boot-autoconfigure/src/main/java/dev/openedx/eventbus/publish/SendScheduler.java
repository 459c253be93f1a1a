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

package dev.openedx.eventbus.publish;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;

/**
 * Decides when the sends of a published event run: at once, or after the surrounding transaction commits
 * ({@code eventbus.producer.send-mode}).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SendScheduler {

	/** Sends at once, on the publishing thread. */
	SendScheduler IMMEDIATE = (event, sends) -> sends.get();

	/**
	 * Run the sends of an event now or later.
	 * @param event the event about to be sent
	 * @param sends starts the sends and returns their combined result
	 * @return a future completed as the sends are; cancelled when they are never run
	 */
	CompletableFuture<List<SendReceipt>> schedule(OpenEdxEvent<?> event,
			Supplier<CompletableFuture<List<SendReceipt>>> sends);

}
