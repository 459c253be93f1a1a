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

package dev.openedx.eventbus.autoconfigure.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import org.jspecify.annotations.Nullable;

/**
 * A fake transport producer (a unit seam): records every send, and can be told to fail a topic, synchronously or
 * through the future. * <p>
 * Users get the documented in-memory transport from {@code eventbus-spring-boot-test}; that module depends on this
 * one, so this module's own tests cannot use it (Maven refuses the cycle) and keep this small seam.
 */
public final class RecordingProducer implements EventBusProducer {

	private final List<Send> sends = new CopyOnWriteArrayList<>();

	private final Map<String, Function<String, RuntimeException>> failingTopics = new ConcurrentHashMap<>();

	private final Map<String, RuntimeException> throwingTopics = new ConcurrentHashMap<>();

	private final AtomicLong offsets = new AtomicLong();

	@Override
	public CompletableFuture<SendReceipt> send(String topic, @Nullable String eventKeyField, OpenEdxEvent<?> event) {
		RuntimeException thrown = this.throwingTopics.get(topic);
		if (thrown != null) {
			throw thrown;
		}
		this.sends.add(new Send(topic, eventKeyField, event));
		Function<String, RuntimeException> failure = this.failingTopics.get(topic);
		if (failure != null) {
			return CompletableFuture.failedFuture(failure.apply(topic));
		}
		UUID id = event.metadata().id();
		return CompletableFuture.completedFuture(new SendReceipt("fake", topic, "0@" + this.offsets.getAndIncrement(),
				id));
	}

	public void failTopic(String topic, String message) {
		this.failingTopics.put(topic, (t) -> new IllegalStateException(message));
	}

	public void heal(String topic) {
		this.failingTopics.remove(topic);
		this.throwingTopics.remove(topic);
	}

	public void throwOnTopic(String topic, RuntimeException exception) {
		this.throwingTopics.put(topic, exception);
	}

	public List<Send> sends() {
		return List.copyOf(this.sends);
	}

	public record Send(String topic, @Nullable String eventKeyField, OpenEdxEvent<?> event) {
	}

}
