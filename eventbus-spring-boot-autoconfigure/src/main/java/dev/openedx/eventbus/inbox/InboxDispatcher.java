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

package dev.openedx.eventbus.inbox;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.WorkerDispatcherDecorator;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the listeners of a worker idempotent: each dispatch runs in a transaction that first records the event id
 * with the worker's consumer group in the {@value JdbcInbox#TABLE} table, then calls the listeners. The listeners'
 * own database writes (through the same transaction manager) and the inbox row commit together, or roll back
 * together when a listener fails (the worker then retries or applies its failure policy as usual). A duplicate
 * delivery finds the row, is counted and acknowledged without calling the listeners again.
 * <pre class="code">
 * WorkerDispatcherDecorator inbox = new InboxDispatcher(jdbcInbox, transactionManager, Set.of("enrollments"),
 *         List.of());
 * </pre>
 *
 * @since 0.1.0
 */
public final class InboxDispatcher implements WorkerDispatcherDecorator {

	private static final LogAccessor logger = new LogAccessor(InboxDispatcher.class);

	private final JdbcInbox inbox;

	private final TransactionTemplate transactions;

	private final @Nullable Set<String> workers;

	private final List<InboxObserver> observers;

	/**
	 * Create the decorator.
	 * @param inbox the inbox table
	 * @param transactionManager the transaction manager the listeners' writes use
	 * @param workers the names of the workers to decorate, or {@code null} for all
	 * @param observers told of each duplicate
	 */
	public InboxDispatcher(JdbcInbox inbox, PlatformTransactionManager transactionManager,
			@Nullable Set<String> workers, List<? extends InboxObserver> observers) {
		this.inbox = Objects.requireNonNull(inbox, "inbox must not be null");
		this.transactions = new TransactionTemplate(
				Objects.requireNonNull(transactionManager, "transactionManager must not be null"));
		this.workers = (workers != null) ? Set.copyOf(workers) : null;
		this.observers = List.copyOf(observers);
	}

	@Override
	public EventDispatcher decorate(ConsumerSettings worker, EventDispatcher dispatcher) {
		if (this.workers != null && !this.workers.contains(worker.name())) {
			return dispatcher;
		}
		return dispatcher(worker.name(), worker.group(), dispatcher);
	}

	/**
	 * Wrap a dispatcher for one consumer group (what {@link #decorate} does for a configured worker).
	 * @param worker the worker name, for logs and metrics
	 * @param group the consumer group the events are recorded for
	 * @param dispatcher the dispatcher to wrap
	 * @return the idempotent dispatcher
	 */
	public EventDispatcher dispatcher(String worker, String group, EventDispatcher dispatcher) {
		Objects.requireNonNull(worker, "worker must not be null");
		Objects.requireNonNull(group, "group must not be null");
		Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		return (event) -> dispatch(worker, group, dispatcher, event);
	}

	private void dispatch(String worker, String group, EventDispatcher dispatcher, OpenEdxEvent<?> event)
			throws Exception {
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (!this.inbox.record(group, event)) {
					status.setRollbackOnly();
					duplicate(worker, group, event);
					return;
				}
				try {
					dispatcher.dispatch(event);
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new ListenerException(ex);
				}
			});
		}
		catch (ListenerException ex) {
			throw (Exception) ex.getCause();
		}
	}

	private void duplicate(String worker, String group, OpenEdxEvent<?> event) {
		logger.info(() -> "Event " + event.type().type() + " id=" + event.metadata().id() + " delivered again to "
				+ "worker " + worker + ": group " + group + " handled it already (inbox), acknowledged without "
				+ "calling the listeners");
		for (InboxObserver observer : this.observers) {
			try {
				observer.duplicate(worker, group, event);
			}
			catch (RuntimeException ex) {
				logger.warn(ex, () -> "Inbox observer " + observer + " failed");
			}
		}
	}

	/** Carries a listener's checked exception out of the transaction callback. */
	private static final class ListenerException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ListenerException(Exception cause) {
			super(cause);
		}

	}

}
