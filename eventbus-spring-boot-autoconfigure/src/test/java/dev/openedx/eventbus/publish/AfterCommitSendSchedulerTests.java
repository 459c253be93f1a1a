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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AfterCommitSendSchedulerTests {

	private final AfterCommitSendScheduler scheduler = new AfterCommitSendScheduler();

	private final AtomicInteger sends = new AtomicInteger();

	private final OpenEdxEvent<?> event = TestEvents.BOOK_LOANED.event(new TestEvents.BookData("i", "t", 1));

	@AfterEach
	void clearSynchronization() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void sendsAtOnceWithoutTransaction() {
		CompletableFuture<List<SendReceipt>> result = this.scheduler.schedule(this.event, this::send);
		assertThat(this.sends).hasValue(1);
		assertThat(result).isCompleted();
	}

	@Test
	void sendsOnlyAfterCommit() {
		TransactionSynchronizationManager.initSynchronization();
		CompletableFuture<List<SendReceipt>> result = this.scheduler.schedule(this.event, this::send);
		assertThat(this.sends).hasValue(0);
		assertThat(result).isNotDone();
		complete(TransactionSynchronization.STATUS_COMMITTED);
		assertThat(this.sends).hasValue(1);
		assertThat(result.join()).hasSize(1);
	}

	@Test
	void neverSendsWhenTheTransactionRollsBack() {
		TransactionSynchronizationManager.initSynchronization();
		CompletableFuture<List<SendReceipt>> result = this.scheduler.schedule(this.event, this::send);
		complete(TransactionSynchronization.STATUS_ROLLED_BACK);
		assertThat(this.sends).hasValue(0);
		assertThat(result).isCancelled();
	}

	@Test
	void anEventPublishedFromAnotherSynchronizationsAfterCommitIsSentNotDropped() {
		DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(
				new DriverManagerDataSource("jdbc:h2:mem:after-commit;DB_CLOSE_DELAY=-1", "sa", ""));
		List<CompletableFuture<List<SendReceipt>>> results = new ArrayList<>();
		new TransactionTemplate(transactionManager).executeWithoutResult((status) -> TransactionSynchronizationManager
			.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					// What a @TransactionalEventListener publishing an event does.
					results.add(AfterCommitSendSchedulerTests.this.scheduler
						.schedule(AfterCommitSendSchedulerTests.this.event, AfterCommitSendSchedulerTests.this::send));
				}

			}));

		assertThat(this.sends).hasValue(1);
		assertThat(results).singleElement().satisfies((result) -> assertThat(result).isCompleted());
	}

	@Test
	void aTransactionWithAnUnknownOutcomeSendsNothingAndIsCounted() {
		TransactionSynchronizationManager.initSynchronization();
		CompletableFuture<List<SendReceipt>> result = this.scheduler.schedule(this.event, this::send);
		complete(TransactionSynchronization.STATUS_UNKNOWN);
		assertThat(this.sends).hasValue(0);
		assertThat(result).isCancelled();
		assertThat(this.scheduler.getUnknownOutcomeCount()).isEqualTo(1);
	}

	@Test
	void aCommittedEventIsSentOnceThoughBothCallbacksRun() {
		TransactionSynchronizationManager.initSynchronization();
		this.scheduler.schedule(this.event, this::send);
		complete(TransactionSynchronization.STATUS_COMMITTED);
		assertThat(this.sends).hasValue(1);
	}

	private void complete(int status) {
		List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		if (status == TransactionSynchronization.STATUS_COMMITTED) {
			synchronizations.forEach(TransactionSynchronization::afterCommit);
		}
		synchronizations.forEach((synchronization) -> synchronization.afterCompletion(status));
	}

	private CompletableFuture<List<SendReceipt>> send() {
		this.sends.incrementAndGet();
		return CompletableFuture.completedFuture(List.of(new SendReceipt("fake", "loans", "0@0", UUID.randomUUID())));
	}

}
