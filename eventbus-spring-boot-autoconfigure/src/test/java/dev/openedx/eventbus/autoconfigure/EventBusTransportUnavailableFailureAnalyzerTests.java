package dev.openedx.eventbus.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusTransportUnavailableFailureAnalyzerTests {

	private final EventBusTransportUnavailableFailureAnalyzer analyzer = new EventBusTransportUnavailableFailureAnalyzer();

	@Test
	void namesTheMissingClassesTheDependencyAndTheAlternatives() {
		EventBusTransportUnavailableException cause = new EventBusTransportUnavailableException(
				EventBusProperties.Transport.REDIS,
				List.of("org.springframework.data.redis.connection.RedisConnectionFactory"),
				"org.springframework.boot:spring-boot-starter-data-redis");
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("eventRoutes", "failed", cause));
		assertThat(analysis.getDescription()).contains("eventbus.transport=redis")
			.contains("org.springframework.data.redis.connection.RedisConnectionFactory");
		assertThat(analysis.getAction()).contains("org.springframework.boot:spring-boot-starter-data-redis")
			.contains("eventbus.transport=kafka")
			.contains("eventbus.enabled=false");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

}
