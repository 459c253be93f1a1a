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

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The one place that decides what a failure on the consume path means ({@link FailureClass}), as spring-kafka's
 * {@code DefaultErrorHandler} classifies exceptions. The engine's own exceptions decide first, anywhere in the cause
 * chain ({@link WorkerFailureException} is fatal, {@link MessageDeferredException} transient,
 * {@link ConsumeFailureException} permanent: our code already decided); then the transports'
 * {@link FailureRule rules} are asked, in order, about their clients' exceptions (not about a listener's: those go
 * through {@link #classifyOwn}); a {@link VirtualMachineError} is fatal and {@linkplain #endsProcess ends the process},
 * except a {@link StackOverflowError}: the stack has unwound by the time it is caught, so it is a failure like any other (a
 * listener's recursion bug must not kill every worker of the process); anything else gets the caller's default for
 * the phase it failed in (a failed poll is transient, a failed decode or listener permanent).
 * <p>
 * The table in {@code docs/failure-handling.md} is checked against this class ({@code FailureTableTests}).
 *
 * <pre>{@code
 * FailureClassifier classifier = FailureClassifier.DEFAULT.with(new KafkaFailureRule());
 * FailureClass what = classifier.classify(exception, FailureClass.TRANSIENT);
 * }</pre>
 *
 * @since 0.2.0
 */
public final class FailureClassifier {

	/** The engine's own classification, without any transport rule. */
	public static final FailureClassifier DEFAULT = new FailureClassifier(List.of());

	private final List<FailureRule> rules;

	/**
	 * Create a classifier.
	 * @param rules the transports' rules, asked in order
	 */
	public FailureClassifier(List<? extends FailureRule> rules) {
		this.rules = List.copyOf(Objects.requireNonNull(rules, "rules must not be null"));
	}

	/**
	 * A classifier that asks this one's rules, then the given one.
	 * @param rule the rule to add
	 * @return a new classifier
	 */
	public FailureClassifier with(FailureRule rule) {
		Objects.requireNonNull(rule, "rule must not be null");
		return new FailureClassifier(Stream.concat(this.rules.stream(), Stream.of(rule)).toList());
	}

	/**
	 * Classify a failure.
	 * @param failure what was thrown
	 * @param otherwise the class of a failure nothing else decides (depends on where it happened)
	 * @return the class, never {@code null}
	 */
	public FailureClass classify(Throwable failure, FailureClass otherwise) {
		FailureClass own = own(failure);
		if (own != null) {
			return own;
		}
		for (FailureRule rule : this.rules) {
			FailureClass decided = rule.classify(failure);
			if (decided != null) {
				return decided;
			}
		}
		return Objects.requireNonNull(otherwise, "otherwise must not be null");
	}

	/**
	 * Classify a failure of code that is not the transport's (a listener): the engine's own exceptions decide, the
	 * transports' rules are not asked. A listener's {@code IOException} or database outage is
	 * no lost connection of the bus, and gets the same class on every transport.
	 * @param failure what was thrown
	 * @param otherwise the class of a failure the engine's exceptions do not decide
	 * @return the class, never {@code null}
	 * @since 0.2.0
	 */
	public FailureClass classifyOwn(Throwable failure, FailureClass otherwise) {
		FailureClass own = own(failure);
		return (own != null) ? own : Objects.requireNonNull(otherwise, "otherwise must not be null");
	}

	private static @Nullable FailureClass own(Throwable failure) {
		Objects.requireNonNull(failure, "failure must not be null");
		// The engine's own exceptions first: they are a decision our code already made (a decoder's
		// ConsumeFailureException caused by an EOFException is permanent, whatever a rule thinks of I/O errors).
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof WorkerFailureException || endsProcess(cause)) {
				return FailureClass.FATAL;
			}
			if (cause instanceof MessageDeferredException) {
				return FailureClass.TRANSIENT;
			}
			if (cause instanceof ConsumeFailureException) {
				return FailureClass.PERMANENT;
			}
		}
		return null;
	}

	/**
	 * Whether a failure leaves the JVM in a state nothing can be trusted in any more (out of memory, an internal
	 * error of the virtual machine): the worker then ends the process rather than fail or go on. A
	 * {@link StackOverflowError} does not: the stack has unwound once it is caught.
	 * @param failure what was thrown
	 * @return {@code true} when a {@link VirtualMachineError} other than a {@link StackOverflowError} is the failure
	 * or one of its causes
	 */
	public static boolean endsProcess(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof VirtualMachineError && !(cause instanceof StackOverflowError)) {
				return true;
			}
		}
		return false;
	}

}
