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

package dev.openedx.eventbus.kafka;

import dev.openedx.eventbus.consumer.FailureClass;
import dev.openedx.eventbus.consumer.FailureRule;
import dev.openedx.eventbus.consumer.WorkerFailureException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.jspecify.annotations.Nullable;

/**
 * How the Kafka transport classifies its client's exceptions: a refused login ({@link AuthenticationException},
 * SASL and TLS ones included) or a missing ACL ({@link AuthorizationException}: topic, group, cluster) is
 * {@link FailureClass#FATAL}, since retrying cannot help and dead-lettering would turn every message into a dead
 * letter; a lost connection, a timeout or a moving leader ({@link RetriableException}) is
 * {@link FailureClass#TRANSIENT}. Anything else is left to the engine.
 * <pre class="code">
 * FailureClassifier classifier = FailureClassifier.DEFAULT.with(new KafkaFailureRule());
 * </pre>
 *
 * @since 0.2.0
 */
public final class KafkaFailureRule implements FailureRule {

	@Override
	public @Nullable FailureClass classify(Throwable failure) {
		Throwable fatal = fatalCause(failure);
		if (fatal != null) {
			return FailureClass.FATAL;
		}
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof RetriableException) {
				return FailureClass.TRANSIENT;
			}
		}
		return null;
	}

	/**
	 * The failure as the worker's reason to stop when it is fatal: what was refused, where, and the settings to check;
	 * the failure itself when it already is a {@link WorkerFailureException} or is not fatal.
	 * @param failure what the Kafka client threw
	 * @param what the client that failed and its target, for example {@code "consumer of topic t, group g"}
	 * @return the exception to throw
	 */
	static RuntimeException explain(RuntimeException failure, String what) {
		if (failure instanceof WorkerFailureException) {
			return failure;
		}
		Throwable fatal = fatalCause(failure);
		if (fatal == null) {
			return failure;
		}
		return new WorkerFailureException(describe(fatal, what), failure);
	}

	private static String describe(Throwable fatal, String what) {
		String reason = fatal.getClass().getSimpleName() + ": " + fatal.getMessage();
		if (fatal instanceof AuthenticationException) {
			String check = (fatal instanceof SslAuthenticationException)
					? "the TLS settings (spring.kafka.ssl.* or the SSL bundle in spring.kafka.ssl.bundle, and "
							+ "spring.kafka.security.protocol)"
					: "the credentials (spring.kafka.properties.sasl.jaas.config, "
							+ "spring.kafka.properties.sasl.mechanism and spring.kafka.security.protocol; "
							+ "spring.kafka.ssl.* for TLS)";
			return "Kafka authentication failed for the " + what + " (" + reason + "): the broker refused the login; "
					+ "check " + check + ". The worker stops rather than retry for ever";
		}
		String acl;
		if (fatal instanceof TopicAuthorizationException topics) {
			acl = "grant the principal Read and Describe on topic(s) " + topics.unauthorizedTopics()
					+ " (Write for dead-letter topics)";
		}
		else if (fatal instanceof GroupAuthorizationException group) {
			acl = "grant the principal Read on consumer group " + group.groupId();
		}
		else {
			acl = "grant the principal the ACL the broker names";
		}
		return "Kafka authorization failed for the " + what + " (" + reason + "): " + acl
				+ ", or check that spring.kafka.security.* and spring.kafka.properties.sasl.jaas.config log in as the "
				+ "intended principal. The worker stops rather than retry for ever";
	}

	private static @Nullable Throwable fatalCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
				return cause;
			}
		}
		return null;
	}

	private static @Nullable Throwable next(Throwable cause) {
		return (cause.getCause() == cause) ? null : cause.getCause();
	}

}
