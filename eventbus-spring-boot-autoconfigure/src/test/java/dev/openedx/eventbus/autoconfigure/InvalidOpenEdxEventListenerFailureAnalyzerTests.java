package dev.openedx.eventbus.autoconfigure;

import java.lang.reflect.Method;

import dev.openedx.eventbus.autoconfigure.listener.InvalidOpenEdxEventListenerException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidOpenEdxEventListenerFailureAnalyzerTests {

	private final InvalidOpenEdxEventListenerFailureAnalyzer analyzer = new InvalidOpenEdxEventListenerFailureAnalyzer();

	@Test
	void namesTheMethodAndTheReasonAndShowsAValidListener() throws Exception {
		Method method = Sample.class.getDeclaredMethod("on", String.class);
		InvalidOpenEdxEventListenerException cause = new InvalidOpenEdxEventListenerException(method,
				"event type 'org.acme.nothing.v1' is unknown");
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("wrapped", cause));
		assertThat(analysis.getDescription()).contains(Sample.class.getName() + ".on(String)")
			.contains("event type 'org.acme.nothing.v1' is unknown");
		assertThat(analysis.getAction()).contains("void on(CourseEnrollmentData enrollment, EventsMetadata metadata)");
	}

	static class Sample {

		void on(String text) {
		}

	}

}
