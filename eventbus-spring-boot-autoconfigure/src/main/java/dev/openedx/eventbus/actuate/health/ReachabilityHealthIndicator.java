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

package dev.openedx.eventbus.actuate.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when a dependency of the event bus (the broker, the schema registry) answers within a short timeout, DOWN with
 * the reason otherwise.
 * <pre class="code">
 * HealthIndicator broker = new ReachabilityHealthIndicator(Map.of("transport", "kafka"), probe::ping,
 *         Duration.ofSeconds(2));
 * </pre>
 *
 * @since 0.1.0
 */
public final class ReachabilityHealthIndicator extends AbstractHealthIndicator {

	private final Map<String, Object> details;

	private final Check check;

	private final Duration timeout;

	/**
	 * Create an indicator.
	 * @param details fixed details to show (what is checked), never secrets
	 * @param check the check
	 * @param timeout how long the check may take
	 */
	public ReachabilityHealthIndicator(Map<String, Object> details, Check check, Duration timeout) {
		super("Event bus dependency check failed");
		this.details = new LinkedHashMap<>(details);
		this.check = Objects.requireNonNull(check, "check must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		builder.withDetails(this.details);
		try {
			String answer = this.check.check(this.timeout);
			builder.up().withDetail("answer", answer);
		}
		catch (Exception ex) {
			String message = (ex.getMessage() != null) ? ": " + ex.getMessage() : "";
			builder.down().withDetail("error", ex.getClass().getSimpleName() + message);
		}
	}

	/**
	 * A reachability check.
	 */
	@FunctionalInterface
	public interface Check {

		/**
		 * Check that the dependency answers.
		 * @param timeout how long to wait
		 * @return a short description of the answer
		 * @throws Exception when it does not answer in time
		 */
		String check(Duration timeout) throws Exception;

	}

}
