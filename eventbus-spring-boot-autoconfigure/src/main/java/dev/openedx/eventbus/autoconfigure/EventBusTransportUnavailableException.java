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

package dev.openedx.eventbus.autoconfigure;

import java.util.List;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown at startup when {@code eventbus.transport} names a transport whose libraries are not on the class path.
 *
 * @since 0.1.0
 */
class EventBusTransportUnavailableException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final EventBusProperties.Transport transport;

	private final List<String> missingClasses;

	private final String dependency;

	/**
	 * Create an exception.
	 * @param transport the configured transport
	 * @param missingClasses the classes that were not found
	 * @param dependency the Maven coordinates of the dependency that brings them
	 */
	public EventBusTransportUnavailableException(EventBusProperties.Transport transport, List<String> missingClasses,
			String dependency) {
		super("The event bus transport is " + transport.id() + " (eventbus.transport) but its libraries are not on the "
				+ "class path: " + String.join(", ", missingClasses) + " not found; add " + dependency);
		this.transport = transport;
		this.missingClasses = List.copyOf(missingClasses);
		this.dependency = dependency;
	}

	public EventBusProperties.Transport getTransport() {
		return this.transport;
	}

	public List<String> getMissingClasses() {
		return this.missingClasses;
	}

	/**
	 * The dependency to add, as {@code group:artifact}.
	 * @return the coordinates
	 */
	public String getDependency() {
		return this.dependency;
	}

}
