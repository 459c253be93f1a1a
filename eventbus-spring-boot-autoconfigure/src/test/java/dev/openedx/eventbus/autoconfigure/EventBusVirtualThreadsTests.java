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

package dev.openedx.eventbus.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.autoconfigure.monitor.EventBusBacklogMonitorAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.kafka.KafkaEventBusConsumerFactory;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.monitor.GroupBacklog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.threads.virtual.enabled=true} the event bus's workers and its backlog monitor run on virtual
 * threads, as Spring Boot's own executors do; without it, on platform threads. Virtual threads need Java 21: on the
 * build's Java 17 the virtual cases are skipped (the build runs this class again on Java 21+ when one is installed,
 * see the java-21-tests profile of this module's pom).
 */
class EventBusVirtualThreadsTests {

	private static final String NEEDS_JAVA_21 = "virtual threads exist from Java 21 on; the java-21-tests profile "
			+ "runs this class on a Java 21+ JVM";

	private final ApplicationContextRunner kafka = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
				EventBusAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=localhost:9",
				"eventbus.kafka.schema-registry.url=http://localhost:8081");

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = NEEDS_JAVA_21)
	void aKafkaWorkerRunsOnAVirtualThreadWhenTheApplicationAsksForThem() {
		this.kafka.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(isVirtual(workerThread(context))).isTrue());
	}

	@Test
	void aKafkaWorkerRunsOnAPlatformThreadByDefault() {
		this.kafka.run((context) -> {
			Thread thread = workerThread(context);
			assertThat(isVirtual(thread)).isFalse();
			assertThat(thread.getName()).isEqualTo("eventbus-w");
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = NEEDS_JAVA_21)
	void theBacklogMonitorReadsOnAVirtualThreadWhenTheApplicationAsksForThem() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
					EventBusBacklogMonitorAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(EventBusConsumerFactory.class, InMemoryConsumerFactory::new)
			.withBean(ThreadRecordingProbe.class, ThreadRecordingProbe::new)
			.withPropertyValues("spring.threads.virtual.enabled=true", "eventbus.consumer.workers.loans.topic=loans",
					"eventbus.consumer.workers.loans.group-id=g", "eventbus.monitoring.lag-interval=50ms")
			.run((context) -> {
				Thread reader = context.getBean(ThreadRecordingProbe.class).thread.get(10, TimeUnit.SECONDS);
				assertThat(isVirtual(reader)).isTrue();
				assertThat(reader.getName()).isEqualTo("eventbus-backlog-monitor");
			});
	}

	/** Starts a worker of the auto-configured Kafka factory and returns the thread its loop runs on. */
	private static Thread workerThread(ApplicationContext context) throws Exception {
		CompletableFuture<Thread> thread = new CompletableFuture<>();
		EventBusConsumer worker = context.getBean(KafkaEventBusConsumerFactory.class)
			.create(ConsumerSettings.defaults("kafka", "t", "g").withName("w"), (event) -> {
			}, new ConsumerObserver() {

				@Override
				public void stateChanged(ConsumerSettings settings, ConsumerState previous, ConsumerState next,
						@Nullable String reason) {
					if (next == ConsumerState.RUNNING) {
						thread.complete(Thread.currentThread());
					}
				}

			});
		worker.start();
		try {
			return thread.get(10, TimeUnit.SECONDS);
		}
		finally {
			worker.stop(Duration.ofSeconds(10));
		}
	}

	static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
		if (Runtime.version().feature() < 21) {
			return false;
		}
		return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}

	static final class ThreadRecordingProbe implements BrokerProbe {

		final CompletableFuture<Thread> thread = new CompletableFuture<>();

		@Override
		public String transport() {
			return "memory";
		}

		@Override
		public String ping(Duration timeout) {
			return "pong";
		}

		@Override
		public GroupBacklog backlog(String destination, String group, Duration timeout) {
			this.thread.complete(Thread.currentThread());
			return new GroupBacklog(java.time.Instant.now(), 0L, null, null);
		}

	}

}
