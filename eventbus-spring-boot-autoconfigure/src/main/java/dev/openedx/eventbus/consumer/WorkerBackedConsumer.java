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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * Base of a transport's consumer: an {@link EventBusConsumer} whose lifecycle is that of the {@link ConsumerWorker}
 * it builds over the transport's source, decoder and failure policy. SPI for transports; the subclass only assembles
 * the worker.
 * <pre class="code">
 * public final class MyConsumer extends WorkerBackedConsumer {
 *     private final ConsumerWorker&lt;MyMessage&gt; worker;
 *     protected ConsumerWorker&lt;?&gt; worker() { return this.worker; }
 * }
 * </pre>
 *
 * @since 0.2.0
 */
public abstract class WorkerBackedConsumer implements EventBusConsumer {

	/**
	 * The worker this consumer runs.
	 * @return the worker, the same one each time
	 */
	protected abstract ConsumerWorker<?> worker();

	@Override
	public String name() {
		return worker().name();
	}

	/**
	 * Run the worker on threads of this factory (virtual ones when {@code spring.threads.virtual.enabled=true}).
	 * @param threadFactory the factory, must not be {@code null}
	 */
	public void threadFactory(ThreadFactory threadFactory) {
		worker().threadFactory(threadFactory);
	}

	@Override
	public void start() {
		worker().start();
	}

	/**
	 * Consume on the calling thread until stopped or failed (what a {@code consume-events} command does).
	 * @return the final state
	 */
	public ConsumerState run() {
		return worker().run();
	}

	@Override
	public void stop(Duration timeout) {
		worker().stop(timeout);
	}

	/**
	 * Ask the worker to stop without waiting.
	 */
	public void requestStop() {
		worker().requestStop();
	}

	@Override
	public ConsumerStatus status() {
		return worker().status();
	}

	@Override
	public CompletableFuture<ConsumerState> termination() {
		return worker().termination();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + name() + "]";
	}

}
