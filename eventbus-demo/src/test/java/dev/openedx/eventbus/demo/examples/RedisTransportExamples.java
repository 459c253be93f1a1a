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

package dev.openedx.eventbus.demo.examples;

import java.time.Duration;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.redis.RedisConsumerSettings;
import dev.openedx.eventbus.redis.RedisEventBusConsumer;
import dev.openedx.eventbus.redis.RedisEventBusProducer;
import dev.openedx.eventbus.redis.RedisProducerSettings;

import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The Redis transport used without Spring Boot's auto-configuration ({@code docs/redis.md}).
 */
class RedisTransportExamples {

	SendReceipt produce(RedisConnectionFactory connectionFactory, OpenEdxEvent<?> event) {
		// tag::producer[]
		RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, new AvroEventCodec(),
				RedisProducerSettings.defaults().withStreamMaxLength(10_000)); // EVENT_BUS_REDIS_STREAM_MAX_LEN
		event.metadata(EventOrigin.forService("discovery"));            // stamps it unless it has metadata
		SendReceipt receipt = producer.send("stage-user-login", null, event).join(); // position() = entry id
		// end::producer[]
		return receipt;
	}

	void consume(RedisConnectionFactory connectionFactory, EventDispatcher dispatcher, ConsumerObserver observer) {
		// tag::consumer[]
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory,
				RedisConsumerSettings.of("stage-user-login", "discovery")      // full stream name, group
					.withConsumerName("discovery-0"),
				OpenEdxCatalog.catalog(), new AvroEventCodec(), EventOrigin.forService("discovery"),
				dispatcher, observer);
		consumer.start();                  // or consumer.run() on the calling thread
		consumer.stop(Duration.ofSeconds(10));
		// end::consumer[]
	}

}
