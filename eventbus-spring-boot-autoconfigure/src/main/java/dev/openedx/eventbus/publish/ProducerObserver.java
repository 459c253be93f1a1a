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

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;

/**
 * Hooks into every send of the event bus publisher ({@code EventBusPublisher}), for metrics and audit logs. Called
 * on the transport's completion thread, so keep them cheap. Every method has an empty default; declare beans of this
 * type and the publisher calls them in order.
 *
 * @since 0.1.0
 */
public interface ProducerObserver {

	/**
	 * The broker accepted an event.
	 * @param route the route it was sent on
	 * @param event the event
	 * @param receipt what the broker said
	 * @param nanos time from the send to the acknowledgement
	 */
	default void sent(EventRoute route, OpenEdxEvent<?> event, SendReceipt receipt, long nanos) {
	}

	/**
	 * An event could not be sent (encoding, key, registry or broker failure).
	 * @param route the route it was to be sent on
	 * @param event the event
	 * @param error the failure
	 */
	default void failed(EventRoute route, OpenEdxEvent<?> event, Throwable error) {
	}

	/**
	 * An event could not be sent, with the time it took to fail; the publisher calls this one, which calls
	 * {@link #failed(EventRoute, OpenEdxEvent, Throwable)} unless overridden.
	 * @param route the route it was to be sent on
	 * @param event the event
	 * @param error the failure
	 * @param nanos time from the send to the failure
	 */
	default void failed(EventRoute route, OpenEdxEvent<?> event, Throwable error, long nanos) {
		failed(route, event, error);
	}

}
