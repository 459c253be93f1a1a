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

package dev.openedx.eventbus.redis;

import java.io.IOException;

import dev.openedx.eventbus.consumer.FailureClass;
import dev.openedx.eventbus.consumer.FailureClassifier;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis failure rule on the exceptions Lettuce and Spring Data Redis throw: refusals are fatal however they are
 * wrapped, lost connections transient, the rest left to the engine.
 */
class RedisFailureRuleTests {

	private final FailureClassifier classifier = FailureClassifier.DEFAULT.with(RedisFailureRule.INSTANCE);

	@Test
	void aWrongPasswordAtConnectIsFatalThoughReportedAsAConnectionFailure() {
		// What LettuceConnectionFactory throws for a refused AUTH: a connection failure caused by the refusal.
		RuntimeException failure = new RedisConnectionFailureException("Unable to connect to Redis",
				new RedisConnectionException("Unable to connect to localhost/<unresolved>:6379",
						new RedisCommandExecutionException("WRONGPASS invalid username-password pair or user is "
								+ "disabled.")));

		assertThat(this.classifier.classify(failure, FailureClass.TRANSIENT)).isEqualTo(FailureClass.FATAL);
		assertThat(RedisFailureRule.refusal(failure)).startsWith("WRONGPASS invalid username-password pair");
	}

	@Test
	void aMissingPermissionOrAuthenticationIsFatal() {
		assertThat(this.classifier.classify(new RedisSystemException("Error in execution",
				new RedisCommandExecutionException("NOPERM User eventbus has no permissions to run the 'xack' command")),
				FailureClass.TRANSIENT))
			.isEqualTo(FailureClass.FATAL);
		assertThat(this.classifier.classify(new RedisCommandExecutionException("NOAUTH Authentication required."),
				FailureClass.TRANSIENT))
			.isEqualTo(FailureClass.FATAL);
	}

	@Test
	void lostConnectionsAndTimeoutsAreTransient() {
		assertThat(RedisFailureRule.INSTANCE.classify(new RedisConnectionFailureException("Unable to connect",
				new RedisConnectionException("Connection refused", new IOException("Connection refused")))))
			.isEqualTo(FailureClass.TRANSIENT);
		assertThat(RedisFailureRule.INSTANCE.classify(new RedisCommandTimeoutException("Command timed out")))
			.isEqualTo(FailureClass.TRANSIENT);
	}

	@Test
	void otherFailuresAreLeftToTheEngine() {
		assertThat(RedisFailureRule.INSTANCE.classify(new RedisCommandExecutionException(
				"WRONGTYPE Operation against a key holding the wrong kind of value"))).isNull();
		// A refusal's code only counts as a word of its own, not inside another one.
		assertThat(RedisFailureRule.INSTANCE.classify(new IllegalStateException("type XNOPERMIT unknown"))).isNull();
	}

}
