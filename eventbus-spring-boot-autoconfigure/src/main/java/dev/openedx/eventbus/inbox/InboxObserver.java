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

package dev.openedx.eventbus.inbox;

import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Hears of the duplicate deliveries the inbox recognised, for metrics ({@code eventbus.consumer.duplicates}).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InboxObserver {

	/**
	 * An event its worker's group had handled already was delivered again, and acknowledged without dispatch.
	 * @param worker the worker name
	 * @param group its consumer group
	 * @param event the event
	 */
	void duplicate(String worker, String group, OpenEdxEvent<?> event);

}
