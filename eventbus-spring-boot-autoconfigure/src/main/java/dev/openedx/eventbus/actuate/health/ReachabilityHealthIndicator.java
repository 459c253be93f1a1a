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
			builder.down().withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
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
