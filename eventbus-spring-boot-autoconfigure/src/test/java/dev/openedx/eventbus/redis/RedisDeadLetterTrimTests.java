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

import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureKind;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The dead-letter stream is trimmed ({@code MAXLEN ~}) to its configured length, against the build's redis-server,
 * so a flood of garbage on a stream cannot fill Redis with dead letters; 0 keeps every one.
 */
class RedisDeadLetterTrimTests {

	@LocalRedis
	private static LettuceConnectionFactory connectionFactory;

	@LocalRedis
	private RedisTestSupport redis;

	@Test
	void aFloodOfDeadLettersIsTrimmedToAboutTheMaximumLength() {
		String stream = this.redis.uniqueStream("dlq-trim");
		RedisDeadLetterRecoverer recoverer = new RedisDeadLetterRecoverer(connectionFactory, "group", "c1", 100);

		deadLetter(recoverer, stream, 1_000);

		// Approximate trimming drops whole nodes of the stream (100 entries each by default), never below the limit.
		long length = this.redis.xlen(RedisDeadLetterRecoverer.deadLetterStream(stream));
		assertThat(length).isBetween(100L, 300L);
	}

	@Test
	void aMaximumLengthOfZeroKeepsEveryDeadLetter() {
		String stream = this.redis.uniqueStream("dlq-untrimmed");
		RedisDeadLetterRecoverer recoverer = new RedisDeadLetterRecoverer(connectionFactory, "group", "c1", 0);

		deadLetter(recoverer, stream, 300);

		assertThat(this.redis.xlen(RedisDeadLetterRecoverer.deadLetterStream(stream))).isEqualTo(300);
	}

	@Test
	void refusesANegativeMaximumLength() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisDeadLetterRecoverer(connectionFactory, "group", "c1", -1))
			.withMessageContaining("maxLength");
	}

	private static void deadLetter(RedisDeadLetterRecoverer recoverer, String stream, int count) {
		for (int i = 0; i < count; i++) {
			RedisStreamMessage garbage = new RedisStreamMessage(stream, i + "-1",
					List.of(Map.entry(RedisTestSupport.bytes("event_data"), new byte[] { (byte) 0xFF })));
			recoverer.recover(garbage, new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, "garbage " + i));
		}
	}

}
