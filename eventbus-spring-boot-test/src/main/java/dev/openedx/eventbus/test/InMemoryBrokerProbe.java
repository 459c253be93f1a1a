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

import java.time.Duration;
import java.time.Instant;

import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.monitor.GroupBacklog;

/**
 * The broker probe of the in-memory transport: always answers, and a group's lag is what it has not acknowledged,
 * so the backlog meters, the health contributor and the endpoint show real numbers in tests.
 */
final class InMemoryBrokerProbe implements BrokerProbe {

	private final InMemoryBroker broker;

	private final String transport;

	InMemoryBrokerProbe(InMemoryBroker broker, String transport) {
		this.broker = broker;
		this.transport = transport;
	}

	@Override
	public String transport() {
		return this.transport;
	}

	@Override
	public String ping(Duration timeout) {
		return "in-memory";
	}

	@Override
	public GroupBacklog backlog(String destination, String group, Duration timeout) {
		return new GroupBacklog(Instant.now(), this.broker.backlog(destination, group), null, null);
	}

}
