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

package dev.openedx.eventbus.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.consumer.InboundMessage;

/**
 * A failure recoverer that, once {@linkplain #pauseNext(Duration) armed}, holds the next failed message just before it is
 * recovered (dead-lettered) until the test {@linkplain #release() releases} it: so that a broker outage lands exactly
 * while the worker writes a dead letter.
 *
 * @param <M> the message type
 */
public final class PausingRecoverer<M extends InboundMessage> implements FailureRecoverer<M> {

	private final FailureRecoverer<M> delegate;

	private final AtomicBoolean armed = new AtomicBoolean();

	private final CountDownLatch paused = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	/**
	 * Wrap a recoverer.
	 * @param delegate the recoverer that does the work
	 */
	public PausingRecoverer(FailureRecoverer<M> delegate) {
		this.delegate = delegate;
	}

	@Override
	public void recover(M message, ConsumeFailureException failure) throws Exception {
		if (this.armed.compareAndSet(true, false)) {
			this.paused.countDown();
			this.released.await();
		}
		this.delegate.recover(message, failure);
	}

	/**
	 * Hold the next failed message, and wait until the worker is there.
	 * @param timeout how long to wait at most
	 * @throws AssertionError when no message fails within the time
	 */
	public void pauseNext(Duration timeout) throws InterruptedException {
		this.armed.set(true);
		if (!this.paused.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("No message failed within " + timeout);
		}
	}

	/**
	 * Let the held message be recovered.
	 */
	public void release() {
		this.released.countDown();
	}

}
