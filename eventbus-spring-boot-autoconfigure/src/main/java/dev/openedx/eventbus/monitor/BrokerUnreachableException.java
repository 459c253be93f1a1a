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

package dev.openedx.eventbus.monitor;

import dev.openedx.eventbus.event.EventBusException;

/**
 * The broker did not answer a {@link BrokerProbe} in time, or refused the connection: a worker on it cannot be
 * consuming, whatever its state says. The message names the address tried and how long the probe waited.
 * <pre class="code">
 * throw new BrokerUnreachableException("No answer from the Kafka broker at localhost:9092 within 2000 ms", ex);
 * </pre>
 *
 * @since 0.1.0
 */
public class BrokerUnreachableException extends EventBusException {

	/**
	 * Create an exception.
	 * @param message what was tried, where and for how long
	 * @param cause the client's own exception
	 */
	public BrokerUnreachableException(String message, Throwable cause) {
		super(message, cause);
	}

}
