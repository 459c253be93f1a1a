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

package dev.openedx.eventbus.consumer;

import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

/**
 * A worker's observer, each call guarded: observers feed metrics, logs and health, and their failure must not change
 * what happens to a message (a failing {@code handled} hook must not make a handled event look failed and run it
 * again).
 */
final class SafeObserver implements ConsumerObserver {

	private static final LogAccessor logger = new LogAccessor(ConsumerWorker.class);

	private final ConsumerObserver delegate;

	SafeObserver(ConsumerObserver delegate) {
		this.delegate = delegate;
	}

	@Override
	public void skipped(ConsumerSettings worker, InboundMessage message) {
		guard(worker, () -> this.delegate.skipped(worker, message));
	}

	@Override
	public void received(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event) {
		guard(worker, () -> this.delegate.received(worker, message, event));
	}

	@Override
	public void handled(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event, long nanos) {
		guard(worker, () -> this.delegate.handled(worker, message, event, nanos));
	}

	@Override
	public void retrying(ConsumerSettings worker, InboundMessage message, Throwable error, int attempt) {
		guard(worker, () -> this.delegate.retrying(worker, message, error, attempt));
	}

	@Override
	public void failed(ConsumerSettings worker, InboundMessage message, ConsumeFailureException failure) {
		guard(worker, () -> this.delegate.failed(worker, message, failure));
	}

	@Override
	public void pollFailed(ConsumerSettings worker, Throwable error) {
		guard(worker, () -> this.delegate.pollFailed(worker, error));
	}

	@Override
	public void stateChanged(ConsumerSettings worker, ConsumerState previous, ConsumerState next,
			@Nullable String reason) {
		guard(worker, () -> this.delegate.stateChanged(worker, previous, next, reason));
	}

	private static void guard(ConsumerSettings worker, Runnable notification) {
		try {
			notification.run();
		}
		catch (RuntimeException ex) {
			logger.warn(ex, () -> "Observer of worker " + worker.name() + " failed: " + ex);
		}
	}

}
