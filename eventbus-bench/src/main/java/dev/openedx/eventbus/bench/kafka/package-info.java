/**
 * End-to-end Kafka benchmarks: the event bus producer and consumer against the raw Kafka client on the same
 * in-process broker, in the same run.
 */
@NullMarked
package dev.openedx.eventbus.bench.kafka;

import org.jspecify.annotations.NullMarked;
