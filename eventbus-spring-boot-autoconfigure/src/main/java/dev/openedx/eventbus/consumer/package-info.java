/**
 * The transport-neutral consumer engine shared by the Kafka and Redis workers: the poll, decode, dispatch,
 * acknowledge loop; failure classification, bounded retry, failure policies and the consecutive-errors limit; worker
 * state and counters for health and metrics. Transports plug in a {@link dev.openedx.eventbus.consumer.MessageSource},
 * a {@link dev.openedx.eventbus.consumer.MessageDecoder} and, for dead letters, a
 * {@link dev.openedx.eventbus.consumer.FailureRecoverer}.
 */
@NullMarked
package dev.openedx.eventbus.consumer;

import org.jspecify.annotations.NullMarked;
