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
import java.util.function.Supplier;

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;

import org.springframework.core.log.LogAccessor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends after the surrounding transaction commits, and never when it rolls back (the future is then cancelled); sends
 * at once when no transaction synchronization is active. Needs spring-tx.
 *
 * @since 0.1.0
 */
public final class AfterCommitSendScheduler implements SendScheduler {

	private static final LogAccessor logger = new LogAccessor(AfterCommitSendScheduler.class);

	@Override
	public CompletableFuture<List<SendReceipt>> schedule(OpenEdxEvent<?> event,
			Supplier<CompletableFuture<List<SendReceipt>>> sends) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return sends.get();
		}
		CompletableFuture<List<SendReceipt>> result = new CompletableFuture<>();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				sends.get().whenComplete((receipts, ex) -> {
					if (ex != null) {
						result.completeExceptionally(ex);
					}
					else {
						result.complete(receipts);
					}
				});
			}

			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					logger.info(() -> "Not sending " + event + ": its transaction did not commit");
					result.cancel(false);
				}
			}

		});
		return result;
	}

}
