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
import java.util.List;

import dev.openedx.eventbus.consumer.MessageSource;
import dev.openedx.eventbus.consumer.StartPosition;

/**
 * A worker's view of an in-memory topic for its consumer group: polls after the group's position, acknowledges in
 * order, resumes from the committed position when a new worker of the group opens it.
 */
final class InMemoryMessageSource implements MessageSource<InMemoryMessage> {

	private final InMemoryBroker broker;

	private final String topic;

	private final String group;

	private final String worker;

	private final StartPosition start;

	private volatile boolean wakeup;

	InMemoryMessageSource(InMemoryBroker broker, String topic, String group, String worker, StartPosition start) {
		this.broker = broker;
		this.topic = topic;
		this.group = group;
		this.worker = worker;
		this.start = start;
	}

	@Override
	public void open() {
		this.broker.open(this.topic, this.group, this.start);
	}

	@Override
	public List<InMemoryMessage> poll(Duration timeout) throws InterruptedException {
		return this.broker.poll(this.topic, this.group, timeout, this);
	}

	@Override
	public void acknowledge(InMemoryMessage message) {
		this.broker.commit(message, this.group);
		message.acknowledged(this.worker, this.group);
	}

	@Override
	public void wakeup() {
		this.wakeup = true;
		this.broker.wakeup();
	}

	boolean takeWakeup() {
		boolean woken = this.wakeup;
		this.wakeup = false;
		return woken;
	}

	@Override
	public void close() {
	}

}
