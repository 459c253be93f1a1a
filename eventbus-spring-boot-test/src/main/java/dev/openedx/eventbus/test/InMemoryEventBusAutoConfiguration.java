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

package dev.openedx.eventbus.test;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusProperties;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.monitor.BrokerProbe;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * Auto-configuration of the in-memory event bus that {@link AutoConfigureInMemoryEventBus} imports: the producer,
 * the consumer factory and the broker probe of the in-memory transport, and the {@link PublishedEvents} and
 * {@link InboundEvents} beans of the tests. It comes before {@link EventBusAutoConfiguration}, whose publisher and
 * workers then run on it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = EventBusAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class InMemoryEventBusAutoConfiguration {

	/** Short, so a stopping worker ends at once; the wait ends as soon as a message arrives anyway. */
	private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

	@Bean
	InMemoryTransport eventBusInMemoryTransport(EventCatalog eventCatalog, AvroEventCodec eventCodec,
			EventOrigin eventOrigin, EventBusProperties properties, Environment environment) {
		return new InMemoryTransport(eventCatalog, eventCodec, eventOrigin, properties.getTransport().id(),
				environment.getProperty("eventbus.test.in-memory.encode", Boolean.class, true));
	}

	@Bean
	PublishedEvents eventBusPublishedEvents(InMemoryTransport eventBusInMemoryTransport) {
		return eventBusInMemoryTransport.published();
	}

	@Bean
	InboundEvents eventBusInboundEvents(InMemoryTransport eventBusInMemoryTransport) {
		return new InboundEvents(eventBusInMemoryTransport);
	}

	@Bean
	@ConditionalOnMissingBean(EventBusProducer.class)
	@ConditionalOnBooleanProperty(name = "eventbus.producer.enabled", matchIfMissing = true)
	InMemoryEventBusProducer inMemoryEventBusProducer(InMemoryTransport eventBusInMemoryTransport) {
		return new InMemoryEventBusProducer(eventBusInMemoryTransport);
	}

	@Bean
	@ConditionalOnMissingBean(EventBusConsumerFactory.class)
	InMemoryConsumerFactory inMemoryEventBusConsumerFactory(InMemoryTransport eventBusInMemoryTransport,
			Environment environment) {
		// Virtual threads when the application asks for them, as the Kafka and Redis workers.
		ThreadFactory threads = Threading.VIRTUAL.isActive(environment)
				? new VirtualThreadTaskExecutor("eventbus-").getVirtualThreadFactory() : Thread::new;
		return new InMemoryConsumerFactory(eventBusInMemoryTransport.broker(), eventBusInMemoryTransport.transport(),
				POLL_TIMEOUT, threads);
	}

	@Bean
	@ConditionalOnMissingBean(BrokerProbe.class)
	InMemoryBrokerProbe inMemoryEventBusBrokerProbe(InMemoryTransport eventBusInMemoryTransport) {
		return new InMemoryBrokerProbe(eventBusInMemoryTransport.broker(), eventBusInMemoryTransport.transport());
	}

}
