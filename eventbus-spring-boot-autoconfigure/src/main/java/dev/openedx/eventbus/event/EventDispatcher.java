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

/**
 * Consumer SPI: receives every event a worker decoded. In a Spring application it re-fires the event as an
 * application event to the {@code @OpenEdxEventListener} methods. A worker acknowledges the message only after this
 * returns, or after its failure policy recorded the exception this threw.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EventDispatcher {

	/**
	 * Handle one received event.
	 * @param event the event, with {@link OpenEdxEvent#fromEventBus()} set
	 * @throws Exception any failure of a listener; it goes to the worker's failure policy and error count
	 */
	void dispatch(OpenEdxEvent<?> event) throws Exception;

}
