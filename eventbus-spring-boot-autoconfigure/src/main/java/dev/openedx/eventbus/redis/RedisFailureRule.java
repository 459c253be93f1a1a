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
import dev.openedx.eventbus.consumer.FailureRule;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;

/**
 * How the Redis transport's failures are classified: a refused password or a missing permission ({@code NOAUTH},
 * {@code WRONGPASS}, {@code NOPERM} replies, whether Lettuce reports them as a {@code RedisCommandExecutionException}
 * or Spring translates them into a connection failure) is {@linkplain FailureClass#FATAL fatal}: every command
 * would be refused alike, so the worker fails with the reason instead of retrying for ever. A lost connection or a
 * timed-out command is {@linkplain FailureClass#TRANSIENT transient}. The refusals are checked first: Lettuce
 * reports a refused {@code AUTH} at connect as a {@code RedisConnectionException} caused by the refusal.
 *
 * @since 0.2.0
 */
public final class RedisFailureRule implements FailureRule {

	/** The rule, stateless. */
	public static final RedisFailureRule INSTANCE = new RedisFailureRule();

	private RedisFailureRule() {
	}

	@Override
	public @Nullable FailureClass classify(Throwable failure) {
		if (refusal(failure) != null) {
			return FailureClass.FATAL;
		}
		return isConnectionProblem(failure) ? FailureClass.TRANSIENT : null;
	}

	/**
	 * The server's refusal in a failure or its causes.
	 * @param failure the failure
	 * @return the refusal's reply, for example {@code NOPERM User eventbus has no permissions to run the 'xack'
	 * command}, or {@code null} when the failure is no refusal
	 */
	public static @Nullable String refusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			String message = cause.getMessage();
			if (message == null) {
				continue;
			}
			for (String code : new String[] { "NOAUTH", "WRONGPASS", "NOPERM" }) {
				int at = message.indexOf(code);
				// The reply's code starts the message or follows a separator (Spring prefixes its own words).
				if (at >= 0 && (at == 0 || !Character.isLetterOrDigit(message.charAt(at - 1)))) {
					return message.substring(at);
				}
			}
		}
		return null;
	}

	/**
	 * Whether a failure is a lost connection or a timed-out command, in it or its causes.
	 * @param failure the failure
	 * @return {@code true} for connection problems
	 */
	static boolean isConnectionProblem(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException
					|| cause instanceof TransientDataAccessException || cause instanceof RedisConnectionException
					|| cause instanceof RedisCommandTimeoutException || cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

}
