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

package dev.openedx.eventbus.worker;

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
