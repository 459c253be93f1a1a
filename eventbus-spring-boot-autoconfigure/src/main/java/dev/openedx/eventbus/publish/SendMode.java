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

/**
 * When a published event is sent to the bus.
 *
 * @since 0.1.0
 */
public enum SendMode {

	/**
	 * At once, while the event is published (Python's behaviour). An event published inside a transaction that later
	 * rolls back has been sent anyway.
	 */
	IMMEDIATE,

	/**
	 * After the surrounding transaction commits, and not at all when it rolls back; at once when no transaction is
	 * active. An event is lost if the process dies between the commit and the send: the transactional outbox
	 * ({@code eventbus.producer.outbox.enabled}) closes that gap.
	 */
	AFTER_COMMIT

}
