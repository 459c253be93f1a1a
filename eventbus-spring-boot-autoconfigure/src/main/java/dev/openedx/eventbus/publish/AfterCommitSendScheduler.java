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

package dev.openedx.eventbus.publish;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;

import org.springframework.core.log.LogAccessor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends after the surrounding transaction commits, and never when it rolls back (the future is then cancelled); sends
 * at once when no transaction synchronization is active. An event published while the transaction is completing
 * (from another synchronization's {@code afterCommit}, such as a {@code @TransactionalEventListener}) is sent too:
 * Spring no longer calls {@code afterCommit} on a synchronization registered that late, but still calls
 * {@code afterCompletion}, which sends what is left. A transaction whose outcome is unknown
 * ({@code STATUS_UNKNOWN}, a heuristic or failed commit) sends nothing: its events are logged at WARN with their ids
 * and counted ({@link #getUnknownOutcomeCount()}). Needs spring-tx.
 *
 * @since 0.1.0
 */
public final class AfterCommitSendScheduler implements SendScheduler {

	private static final LogAccessor logger = new LogAccessor(AfterCommitSendScheduler.class);

	private final LongAdder unknownOutcomes = new LongAdder();

	@Override
	public CompletableFuture<List<SendReceipt>> schedule(OpenEdxEvent<?> event,
			Supplier<CompletableFuture<List<SendReceipt>>> sends) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return sends.get();
		}
		CompletableFuture<List<SendReceipt>> result = new CompletableFuture<>();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			private final AtomicBoolean started = new AtomicBoolean();

			@Override
			public void afterCommit() {
				send();
			}

			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED) {
					// Registered during the commit phase: afterCommit was not called, this is the last chance.
					send();
				}
				else if (status == STATUS_UNKNOWN) {
					AfterCommitSendScheduler.this.unknownOutcomes.increment();
					logger.warn(() -> "Not sending event " + event.type().type() + " id=" + event.metadata().id()
							+ ": the outcome of its transaction is unknown (a heuristic or failed commit), so it may "
							+ "or may not have committed; check and publish it again if it did");
					result.cancel(false);
				}
				else {
					logger.info(() -> "Not sending " + event + ": its transaction did not commit");
					result.cancel(false);
				}
			}

			private void send() {
				if (!this.started.compareAndSet(false, true)) {
					return;
				}
				sends.get().whenComplete((receipts, ex) -> {
					if (ex != null) {
						result.completeExceptionally(ex);
					}
					else {
						result.complete(receipts);
					}
				});
			}

		});
		return result;
	}

	/**
	 * How many events were not sent because their transaction ended with an unknown outcome, since startup.
	 * @return the count
	 */
	public long getUnknownOutcomeCount() {
		return this.unknownOutcomes.sum();
	}

}
