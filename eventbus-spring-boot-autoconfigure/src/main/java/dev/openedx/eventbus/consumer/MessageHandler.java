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
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.event.LogText;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.util.backoff.BackOffExecution;

/**
 * What a worker does with one message: select it by type, decode it, dispatch it (retrying listener failures), and
 * record a failure with the failure policy, every failure classified by the {@link FailureClassifier}:
 * <ul>
 * <li>a message of a type the worker does not select is skipped before decoding;</li>
 * <li>transient failures (of the decode or of the listeners) keep the message: back off and try again, up to the
 * max transient wait, past which it fails for good as {@link FailureKind#DEPENDENCY_UNAVAILABLE};</li>
 * <li>permanent decode failures go to the failure policy at once, listener failures after the retries;</li>
 * <li>fatal ones end the worker without acknowledging the message; a {@link FailureClassifier#endsProcess
 * VirtualMachineError} ends the process.</li>
 * </ul>
 *
 * @param <M> the transport's message type
 */
final class MessageHandler<M extends InboundMessage> {

	private static final LogAccessor logger = new LogAccessor(ConsumerWorker.class);

	private final ConsumerSettings settings;

	private final MessageDecoder<M> decoder;

	private final WorkerDispatcher dispatcher;

	private final FailureRecoverer<M> recoverer;

	private final ConsumerObserver observer;

	private final FailureClassifier classifier;

	private final WorkerStatistics statistics;

	private final WorkerWaits waits;

	private final WorkerState state;

	private final ProcessHalt halt;

	MessageHandler(ConsumerSettings settings, MessageDecoder<M> decoder, WorkerDispatcher dispatcher,
			FailureRecoverer<M> recoverer, ConsumerObserver observer, FailureClassifier classifier,
			WorkerStatistics statistics, WorkerWaits waits, WorkerState state, ProcessHalt halt) {
		this.settings = settings;
		this.decoder = decoder;
		this.dispatcher = dispatcher;
		this.recoverer = recoverer;
		this.observer = observer;
		this.classifier = classifier;
		this.statistics = statistics;
		this.waits = waits;
		this.state = state;
		this.halt = halt;
	}

	/**
	 * Handle one message.
	 * @param message the message
	 * @return what became of it
	 * @throws WorkerFailureException when the source failed fatally during a wait
	 */
	Outcome handle(M message) {
		if (!selects(message.eventType())) {
			return skip(message);
		}
		TransientWait transients = new TransientWait(message);
		OpenEdxEvent<?> event = null;
		while (event == null) {
			try {
				event = this.decoder.decode(message);
			}
			catch (Throwable ex) {
				Outcome outcome = decodeFailed(message, ex, transients);
				if (outcome != null) {
					return outcome;
				}
			}
		}
		// The message's type said nothing (no header): the decoded event's type decides.
		if (!selects(event.type().type())) {
			return skip(message);
		}
		return dispatch(message, event, transients);
	}

	/** The worker's {@code event-types} (its settings) and its dispatcher's selection, if any, both apply. */
	private boolean selects(@Nullable String eventType) {
		Set<String> eventTypes = this.settings.eventTypes();
		return (eventTypes.isEmpty() || eventType == null || eventTypes.contains(eventType))
				&& this.dispatcher.selects(eventType);
	}

	private Outcome skip(M message) {
		logger.debug(() -> "Worker " + this.settings.name() + " skips " + message.coordinates() + " type="
				+ LogText.escape(message.eventType()) + ": not one of its event types "
				+ (this.settings.eventTypes().isEmpty() ? this.dispatcher.eventTypes() : this.settings.eventTypes()));
		this.observer.skipped(this.settings, message);
		return Outcome.SKIPPED;
	}

	/** @return the outcome, or {@code null} to decode again */
	private @Nullable Outcome decodeFailed(M message, Throwable failure, TransientWait transients) {
		if (FailureClassifier.endsProcess(failure)) {
			return endProcess("decoding " + message.coordinates(), failure);
		}
		return switch (this.classifier.classify(failure, FailureClass.PERMANENT)) {
			case FATAL -> fatal(message, "decoding", failure);
			case TRANSIENT -> transients.await(failure, "decoding it", false, 0);
			case PERMANENT -> record(message, decodeFailure(failure));
		};
	}

	private Outcome dispatch(M message, OpenEdxEvent<?> event, TransientWait transients) {
		this.observer.received(this.settings, message, event);
		BackOffExecution retries = null;
		long started = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			Throwable failure = null;
			try {
				this.dispatcher.dispatch(this.settings, message, event);
			}
			catch (Throwable ex) {
				failure = ex;
			}
			if (failure == null) {
				// Outside the try: nothing after a successful dispatch may count as a listener failure and re-run it.
				this.statistics.handled();
				this.observer.handled(this.settings, message, event, System.nanoTime() - started);
				return Outcome.HANDLED;
			}
			if (FailureClassifier.endsProcess(failure)) {
				return endProcess("dispatching " + message.coordinates(), failure);
			}
			if (!this.state.active()) {
				// A stop was asked for while the listeners ran: leave the message for the next delivery rather than
				// record a failure that may only be the stop's doing.
				Throwable cause = failure;
				logger.info(() -> "Worker " + this.settings.name() + " is stopping; " + message.coordinates()
						+ " failed meanwhile and is left unacknowledged to be delivered again: " + cause);
				return Outcome.INTERRUPTED;
			}
			FailureClass what = this.classifier.classifyOwn(failure, FailureClass.PERMANENT);
			if (what == FailureClass.FATAL) {
				return fatal(message, "dispatching", failure);
			}
			if (what == FailureClass.TRANSIENT) {
				Outcome outcome = transients.await(failure, "in its listeners", true, attempt);
				if (outcome != null) {
					return outcome;
				}
				continue;
			}
			if (retries == null) {
				retries = this.waits.retryBackOff();
			}
			long wait = retries.nextBackOff();
			if (wait == BackOffExecution.STOP) {
				String attempts = (attempt > 1) ? " after " + attempt + " attempts" : "";
				return record(message, new ConsumeFailureException(FailureKind.HANDLER_ERROR,
						"Listener failed" + attempts + ": " + failure, failure));
			}
			int failedAttempt = attempt;
			Throwable cause = failure;
			logger.warn(() -> "Worker " + this.settings.name() + ": listener failed on " + describe(message)
					+ " (attempt " + failedAttempt + "), retrying in " + wait + " ms: " + cause);
			this.observer.retrying(this.settings, message, failure, attempt);
			if (!this.waits.await(wait)) {
				return Outcome.INTERRUPTED;
			}
		}
	}

	private Outcome record(M message, ConsumeFailureException failure) {
		int consecutive = this.statistics.failed(failure.kind(),
				failure.kind().tag() + " at " + message.coordinates() + ": " + failure.getMessage());
		boolean withCause = failure.kind() == FailureKind.HANDLER_ERROR
				|| failure.kind() == FailureKind.DEPENDENCY_UNAVAILABLE;
		logger.error(withCause ? failure.getCause() : null, () -> "Worker " + this.settings.name()
				+ " could not handle " + describe(message) + " failure=" + failure.kind().tag() + " (" + consecutive
				+ " in a row): " + failure.getMessage());
		this.observer.failed(this.settings, message, failure);
		// A dead letter that cannot be written for now (broker restarting, Redis LOADING) is tried again with the
		// transient backoff, as long as max-transient-wait allows: a routine restart must not stop the worker.
		long deadline = System.nanoTime() + this.settings.maxTransientWait().toNanos();
		BackOffExecution backOff = null;
		while (true) {
			try {
				this.recoverer.recover(message, failure);
				return Outcome.RECORDED;
			}
			catch (Throwable ex) {
				if (FailureClassifier.endsProcess(ex)) {
					return endProcess("recording the failure of " + message.coordinates(), ex);
				}
				FailureClass what = this.classifier.classify(ex, FailureClass.TRANSIENT);
				if (what == FailureClass.TRANSIENT && this.state.active() && System.nanoTime() < deadline) {
					if (backOff == null) {
						backOff = this.waits.transientBackOff();
					}
					long wait = backOff.nextBackOff();
					logger.warn(() -> "Worker " + this.settings.name() + " could not record the failure of "
							+ message.coordinates() + ", retrying in " + wait + " ms: " + ex);
					if (!this.waits.await(wait)) {
						return Outcome.INTERRUPTED;
					}
					continue;
				}
				boolean gaveUp = what == FailureClass.TRANSIENT && this.state.active();
				this.statistics.error("Could not record failure of " + message.coordinates() + ": " + ex);
				logger.error(ex, () -> "Worker " + this.settings.name() + " stops without acknowledging "
						+ message.coordinates() + ": the failure policy could not record its failure (" + what
						+ (gaveUp ? ", still failing after eventbus.consumer.max-transient-wait="
								+ this.settings.maxTransientWait() : "")
						+ "), so it will be delivered again");
				return Outcome.WORKER_FAILED;
			}
		}
	}

	private Outcome fatal(M message, String phase, Throwable failure) {
		String reason = reason(failure);
		this.statistics.error(reason + " (" + phase + " " + message.coordinates() + ")");
		logger.error(failure, () -> "Worker " + this.settings.name() + " cannot go on and stops without "
				+ "acknowledging " + message.coordinates() + " (" + phase + "): " + reason);
		return Outcome.WORKER_FAILED;
	}

	private Outcome endProcess(String where, Throwable error) {
		this.statistics.error("Ended the process on " + error + " while " + where);
		this.halt.halt(this.settings.name(), where, error);
		return Outcome.WORKER_FAILED;
	}

	/** The message of the {@link WorkerFailureException} that decided, which names the setting to fix. */
	static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof WorkerFailureException) {
				return String.valueOf(cause.getMessage());
			}
		}
		return failure.toString();
	}

	private static ConsumeFailureException decodeFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof ConsumeFailureException classified) {
				return classified;
			}
		}
		return new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, "Cannot decode message: " + failure,
				failure);
	}

	/** The message's coordinates and the wire values worth logging, escaped: a producer must not forge log lines. */
	static String describe(InboundMessage message) {
		return message.coordinates() + " key=" + LogText.escape(message.key()) + " id="
				+ LogText.escape(message.eventId()) + " type=" + LogText.escape(message.eventType());
	}

	/** What became of a message. */
	enum Outcome {

		/** The listeners returned: acknowledge. */
		HANDLED,

		/** Not one of the worker's event types: acknowledge, nothing else. */
		SKIPPED,

		/** Failed for good and the failure policy recorded it: acknowledge. */
		RECORDED,

		/** A stop request ended the handling: leave it unacknowledged. */
		INTERRUPTED,

		/** The worker cannot go on (fatal failure, failure not recorded): leave it unacknowledged and fail. */
		WORKER_FAILED

	}

	/**
	 * The transient failures of one message, decode and listeners together: one backoff and one deadline, started by
	 * the first of them.
	 */
	private final class TransientWait {

		private final M message;

		private @Nullable BackOffExecution backOff;

		private long deadline;

		TransientWait(M message) {
			this.message = message;
		}

		/**
		 * Wait before the next try, or fail the message for good once the max transient wait is over.
		 * @return the outcome, or {@code null} to try again
		 */
		@Nullable Outcome await(Throwable failure, String phase, boolean listener, int attempt) {
			Duration bound = MessageHandler.this.settings.maxTransientWait();
			if (this.backOff == null) {
				this.backOff = MessageHandler.this.waits.transientBackOff();
				this.deadline = System.nanoTime() + bound.toNanos();
			}
			long remaining = this.deadline - System.nanoTime();
			if (remaining <= 0) {
				return record(this.message, new ConsumeFailureException(FailureKind.DEPENDENCY_UNAVAILABLE,
						"Still failing " + phase + " after eventbus.consumer.max-transient-wait (" + bound
								+ ") of retries: " + failure,
						failure));
			}
			long next = this.backOff.nextBackOff();
			long wait = Math.min((next == BackOffExecution.STOP) ? Long.MAX_VALUE : next,
					TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
			String name = MessageHandler.this.settings.name();
			MessageHandler.this.statistics.error("deferred at " + this.message.coordinates() + ": "
					+ failure.getMessage());
			logger.warn(() -> "Worker " + name + " cannot handle " + describe(this.message) + " yet (failing " + phase
					+ ", transient), retrying in " + wait + " ms: " + failure);
			if (listener) {
				MessageHandler.this.observer.retrying(MessageHandler.this.settings, this.message, failure, attempt);
			}
			else {
				MessageHandler.this.observer.pollFailed(MessageHandler.this.settings, failure);
			}
			return MessageHandler.this.waits.await(wait) ? null : Outcome.INTERRUPTED;
		}

	}

}
