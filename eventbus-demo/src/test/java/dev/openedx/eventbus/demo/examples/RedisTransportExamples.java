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
				RedisProducerSettings.defaults()
					.withTopicPrefix("stage")                      // eventbus.topic-prefix
					.withStreamMaxLength(10_000)                   // EVENT_BUS_REDIS_STREAM_MAX_LEN, at least 1
					.withOrigin(EventOrigin.forService("discovery")));
		SendReceipt receipt = producer.send("user-login", null, event).join(); // receipt.position() = entry id
		// end::producer[]
		return receipt;
	}

	void consume(RedisConnectionFactory connectionFactory, EventDispatcher dispatcher, ConsumerObserver observer) {
		// tag::consumer[]
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory,
				RedisConsumerSettings.of("stage", "user-login", "discovery")   // prefix, topic, group
					.withConsumerName("discovery-0"),
				OpenEdxCatalog.catalog(), new AvroEventCodec(), EventOrigin.forService("discovery"),
				dispatcher, observer);
		consumer.start();                  // or consumer.run() on the calling thread
		consumer.stop(Duration.ofSeconds(10));
		// end::consumer[]
	}

}
