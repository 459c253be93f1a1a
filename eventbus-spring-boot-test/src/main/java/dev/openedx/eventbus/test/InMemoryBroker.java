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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.openedx.eventbus.consumer.ConsumerWorker;
import dev.openedx.eventbus.consumer.StartPosition;

/**
 * The in-memory broker: one ordered log per topic, and per consumer group a read position and a committed position,
 * so a group resumes after a restart from what it acknowledged, as on Kafka. Everything happens under this object's
 * monitor; pollers wait on it.
 */
final class InMemoryBroker {

	private static final int MAX_BATCH = 100;

	private final Map<String, List<InMemoryMessage>> topics = new LinkedHashMap<>();

	private final Map<GroupKey, Cursor> cursors = new LinkedHashMap<>();

	private final List<ConsumerWorker<InMemoryMessage>> workers = new CopyOnWriteArrayList<>();

	/**
	 * Append a message to a topic.
	 * @param topic the full topic name
	 * @param message builds the message from its offset
	 * @return the message
	 */
	synchronized InMemoryMessage append(String topic, Function<Long, InMemoryMessage> message) {
		List<InMemoryMessage> log = this.topics.computeIfAbsent(topic, (t) -> new ArrayList<>());
		InMemoryMessage appended = Objects.requireNonNull(message.apply((long) log.size()));
		log.add(appended);
		notifyAll();
		return appended;
	}

	/**
	 * The next offset of a topic.
	 * @param topic the topic
	 * @return the offset the next message gets
	 */
	synchronized long nextOffset(String topic) {
		List<InMemoryMessage> log = this.topics.get(topic);
		return (log != null) ? log.size() : 0;
	}

	/**
	 * Join a group: a new group starts at the earliest or the latest message, a known one at its committed position.
	 * @param topic the topic
	 * @param group the group
	 * @param start where a new group starts
	 */
	synchronized void open(String topic, String group, StartPosition start) {
		Cursor cursor = this.cursors.computeIfAbsent(new GroupKey(topic, group),
				(key) -> new Cursor((start == StartPosition.LATEST) ? nextOffset(topic) : 0));
		cursor.position = cursor.committed;
	}

	/**
	 * The messages after the group's read position, waiting at most the timeout for one.
	 * @param topic the topic
	 * @param group the group
	 * @param timeout the longest wait
	 * @param source asks to stop waiting when woken up
	 * @return the messages, possibly none
	 * @throws InterruptedException when interrupted
	 */
	synchronized List<InMemoryMessage> poll(String topic, String group, Duration timeout, InMemoryMessageSource source)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Cursor cursor = this.cursors.get(new GroupKey(topic, group));
		while (true) {
			List<InMemoryMessage> log = this.topics.getOrDefault(topic, List.of());
			if (cursor.position < log.size()) {
				int end = (int) Math.min(log.size(), cursor.position + MAX_BATCH);
				List<InMemoryMessage> batch = new ArrayList<>(log.subList((int) cursor.position, end));
				cursor.position = end;
				return batch;
			}
			long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (remaining <= 0 || source.takeWakeup()) {
				return List.of();
			}
			wait(remaining);
		}
	}

	/**
	 * Commit a group's position past a message.
	 * @param message the acknowledged message
	 * @param group the group
	 */
	synchronized void commit(InMemoryMessage message, String group) {
		Cursor cursor = this.cursors.get(new GroupKey(message.topic(), group));
		if (cursor != null) {
			cursor.committed = Math.max(cursor.committed, message.offset() + 1);
		}
	}

	synchronized void wakeup() {
		notifyAll();
	}

	/**
	 * Messages a group has not acknowledged yet.
	 * @param topic the topic
	 * @param group the group
	 * @return the backlog
	 */
	synchronized long backlog(String topic, String group) {
		Cursor cursor = this.cursors.get(new GroupKey(topic, group));
		return nextOffset(topic) - ((cursor != null) ? cursor.committed : 0);
	}

	/**
	 * The groups that joined a topic.
	 * @param topic the topic
	 * @return the group names
	 */
	synchronized Set<String> groups(String topic) {
		Set<String> groups = new TreeSet<>();
		this.cursors.keySet().stream().filter((key) -> key.topic().equals(topic)).forEach((key) -> groups.add(key.group()));
		return groups;
	}

	synchronized List<InMemoryMessage> messages(String topic) {
		return List.copyOf(this.topics.getOrDefault(topic, List.of()));
	}

	void register(ConsumerWorker<InMemoryMessage> worker) {
		this.workers.removeIf((existing) -> existing.name().equals(worker.name()));
		this.workers.add(worker);
	}

	List<ConsumerWorker<InMemoryMessage>> workers() {
		return List.copyOf(this.workers);
	}

	private record GroupKey(String topic, String group) {
	}

	private static final class Cursor {

		long position;

		long committed;

		Cursor(long start) {
			this.position = start;
			this.committed = start;
		}

	}

}
