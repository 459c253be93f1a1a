package dev.openedx.eventbus.autoconfigure.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ExitOnConsumerFailureTests {

	@Test
	void failedWorkerClosesTheContextAndExitsWithStatusOne() throws Exception {
		GenericApplicationContext context = new GenericApplicationContext();
		context.refresh();
		CompletableFuture<Integer> exitCode = new CompletableFuture<>();
		ExitOnConsumerFailure listener = new ExitOnConsumerFailure(context, exitCode::complete);
		listener.onApplicationEvent(new EventBusConsumerFailedEvent(new FailedWorker(), new FailedWorker().status()));
		assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(EventBusExitCodes.FAILURE);
		assertThat(context.isActive()).isFalse();
	}

	static final class FailedWorker implements EventBusConsumer {

		@Override
		public String name() {
			return "loans";
		}

		@Override
		public void start() {
		}

		@Override
		public void stop(Duration timeout) {
		}

		@Override
		public ConsumerStatus status() {
			return new ConsumerStatus("loans", "memory", "loans", "g", ConsumerState.FAILED, 0, Map.of(), 3, 3,
					"Too many consecutive errors", null, null, null);
		}

		@Override
		public CompletableFuture<ConsumerState> termination() {
			return CompletableFuture.completedFuture(ConsumerState.FAILED);
		}

	}

}
