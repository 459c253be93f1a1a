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
import java.util.concurrent.atomic.AtomicInteger;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.consumer.InboundMessage;

/**
 * A failure recoverer that holds the n-th failed message just before it is recovered (dead-lettered) until the test
 * {@linkplain #release() releases} it: so that a broker outage lands exactly while the worker writes a dead letter.
 *
 * @param <M> the message type
 */
public final class PausingRecoverer<M extends InboundMessage> implements FailureRecoverer<M> {

	private final FailureRecoverer<M> delegate;

	private final AtomicInteger failures = new AtomicInteger();

	private final int pauseAt;

	private final CountDownLatch paused = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	/**
	 * Wrap a recoverer.
	 * @param delegate the recoverer that does the work
	 * @param pauseAt which failed message to hold, counting from 1
	 */
	public PausingRecoverer(FailureRecoverer<M> delegate, int pauseAt) {
		this.delegate = delegate;
		this.pauseAt = pauseAt;
	}

	@Override
	public void recover(M message, ConsumeFailureException failure) throws Exception {
		if (this.failures.incrementAndGet() == this.pauseAt) {
			this.paused.countDown();
			this.released.await();
		}
		this.delegate.recover(message, failure);
	}

	/**
	 * Wait until the worker holds the message.
	 * @param timeout how long to wait at most
	 * @throws AssertionError when fewer messages fail within the time
	 */
	public void awaitPaused(Duration timeout) throws InterruptedException {
		if (!this.paused.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError(this.failures.get() + " of " + this.pauseAt + " messages failed within "
					+ timeout);
		}
	}

	/**
	 * Let the held message be recovered.
	 */
	public void release() {
		this.released.countDown();
	}

}
