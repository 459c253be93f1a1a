/**
 * The Kafka transport, wire-compatible with edx-event-bus-kafka: Confluent-framed Avro keys and values, schema
 * registry client, {@code ce_*} headers, the librdkafka-compatible partitioner, the producer and the consumer worker.
 */
@NullMarked
package dev.openedx.eventbus.kafka;

import org.jspecify.annotations.NullMarked;
