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

import java.util.Set;

import dev.openedx.eventbus.consumer.FailureClass;
import dev.openedx.eventbus.consumer.FailureClassifier;
import dev.openedx.eventbus.consumer.WorkerFailureException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the Kafka rule classifies the client's exceptions, and the reasons it gives when the worker must stop.
 */
class KafkaFailureRuleTests {

	private final FailureClassifier classifier = FailureClassifier.DEFAULT.with(new KafkaFailureRule());

	@Test
	void refusedLoginsAndMissingAclsAreFatalWhereverTheyAreInTheCauseChain() {
		assertThat(classify(new SaslAuthenticationException("invalid credentials"))).isEqualTo(FailureClass.FATAL);
		assertThat(classify(new SslAuthenticationException("handshake failed"))).isEqualTo(FailureClass.FATAL);
		assertThat(classify(new TopicAuthorizationException(Set.of("t")))).isEqualTo(FailureClass.FATAL);
		assertThat(classify(new GroupAuthorizationException("denied", "g"))).isEqualTo(FailureClass.FATAL);
		assertThat(classify(new ClusterAuthorizationException("denied"))).isEqualTo(FailureClass.FATAL);
		assertThat(classify(new KafkaException("poll failed", new SaslAuthenticationException("invalid"))))
			.isEqualTo(FailureClass.FATAL);
	}

	@Test
	void lostConnectionsAndTimeoutsAreTransient() {
		assertThat(classify(new DisconnectException("gone"))).isEqualTo(FailureClass.TRANSIENT);
		assertThat(classify(new NetworkException("reset"))).isEqualTo(FailureClass.TRANSIENT);
		assertThat(classify(new TimeoutException("no answer"))).isEqualTo(FailureClass.TRANSIENT);
	}

	@Test
	void anythingElseIsLeftToTheEngine() {
		assertThat(new KafkaFailureRule().classify(new IllegalStateException("x"))).isNull();
		assertThat(this.classifier.classify(new IllegalStateException("x"), FailureClass.PERMANENT))
			.isEqualTo(FailureClass.PERMANENT);
	}

	@Test
	void fatalFailuresBecomeWorkerFailuresNamingWhatToFix() {
		assertThat(explain(new SaslAuthenticationException("invalid credentials"))).isInstanceOf(
				WorkerFailureException.class)
			.hasMessageContaining("Kafka authentication failed for the consumer of topic t, group g")
			.hasMessageContaining("spring.kafka.properties.sasl.jaas.config")
			.hasMessageContaining("spring.kafka.security.protocol");
		assertThat(explain(new SslAuthenticationException("handshake failed")))
			.hasMessageContaining("spring.kafka.ssl.");
		assertThat(explain(new TopicAuthorizationException(Set.of("t"))))
			.hasMessageContaining("Kafka authorization failed")
			.hasMessageContaining("Read and Describe on topic(s) [t]")
			.hasMessageContaining("spring.kafka.security.*");
		assertThat(explain(new GroupAuthorizationException("denied", "g")))
			.hasMessageContaining("Read on consumer group g");
		assertThat(this.classifier.classify(explain(new GroupAuthorizationException("denied", "g")),
				FailureClass.TRANSIENT)).isEqualTo(FailureClass.FATAL);
		DisconnectException transientFailure = new DisconnectException("gone");
		assertThat(explain(transientFailure)).isSameAs(transientFailure);
	}

	private FailureClass classify(Throwable failure) {
		return this.classifier.classify(failure, FailureClass.PERMANENT);
	}

	private static RuntimeException explain(RuntimeException failure) {
		return KafkaFailureRule.explain(failure, "consumer of topic t, group g");
	}

}
