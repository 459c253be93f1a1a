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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

/**
 * A message on an in-memory topic: its wire form, how to decode it, and what each consumer group made of it so far.
 */
final class InMemoryMessage implements InboundMessage {

	private final String topic;

	private final long offset;

	private final InboundMessage wire;

	private final WireFormat format;

	private final @Nullable String coordinates;

	private final Map<String, Progress> progress = new LinkedHashMap<>();

	private final Map<String, DeliveryOutcome> outcomes = new LinkedHashMap<>();

	InMemoryMessage(String topic, long offset, InboundMessage wire, WireFormat format, @Nullable String coordinates) {
		this.topic = topic;
		this.offset = offset;
		this.wire = wire;
		this.format = format;
		this.coordinates = coordinates;
	}

	String topic() {
		return this.topic;
	}

	long offset() {
		return this.offset;
	}

	InboundMessage wire() {
		return this.wire;
	}

	WireFormat format() {
		return this.format;
	}

	OpenEdxEvent<?> decode() {
		return this.format.decode(this.wire);
	}

	@Override
	public String coordinates() {
		return (this.coordinates != null) ? this.coordinates : this.wire.coordinates();
	}

	@Override
	public @Nullable String key() {
		return this.wire.key();
	}

	@Override
	public @Nullable String eventId() {
		return this.wire.eventId();
	}

	@Override
	public @Nullable String eventType() {
		return this.wire.eventType();
	}

	@Override
	public @Nullable String header(String name) {
		return this.wire.header(name);
	}

	synchronized void attempted(String group) {
		this.progress.computeIfAbsent(group, (g) -> new Progress()).attempts++;
	}

	synchronized void handled(String group, boolean filtered) {
		Progress progress = this.progress.computeIfAbsent(group, (g) -> new Progress());
		progress.result = filtered ? DeliveryOutcome.Result.FILTERED : DeliveryOutcome.Result.HANDLED;
		if (filtered) {
			progress.attempts = 0;
		}
	}

	synchronized void failed(String group, ConsumeFailureException failure, DeliveryOutcome.Result result) {
		Progress progress = this.progress.computeIfAbsent(group, (g) -> new Progress());
		progress.failure = failure;
		progress.result = result;
	}

	/** The group acknowledged the message: its outcome is final. */
	synchronized void acknowledged(String worker, String group) {
		Progress progress = this.progress.remove(group);
		DeliveryOutcome.Result result = (progress != null && progress.result != null) ? progress.result
				: DeliveryOutcome.Result.HANDLED;
		ConsumeFailureException failure = (progress != null) ? progress.failure : null;
		this.outcomes.put(group, new DeliveryOutcome(worker, group, result,
				(failure != null) ? failure.kind() : null, (failure != null) ? failure.getMessage() : null,
				(progress != null) ? progress.attempts : 0));
		notifyAll();
	}

	synchronized List<DeliveryOutcome> outcomes() {
		return new ArrayList<>(this.outcomes.values());
	}

	synchronized @Nullable DeliveryOutcome outcome(String group) {
		return this.outcomes.get(group);
	}

	/** Wait until {@link #notifyAll()} or the time; the caller re-checks. */
	synchronized void awaitChange(long millis) throws InterruptedException {
		if (millis > 0) {
			wait(millis);
		}
	}

	@Override
	public String toString() {
		return coordinates() + " (" + eventType() + " id=" + eventId() + ")";
	}

	private static final class Progress {

		int attempts;

		DeliveryOutcome.@Nullable Result result;

		@Nullable ConsumeFailureException failure;

	}

}
