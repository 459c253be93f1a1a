/**
 * In-process stand-ins for the infrastructure of the Kafka event bus: a Confluent-compatible schema registry and a
 * KRaft broker, for tests, development services and demos.
 */
@NullMarked
package dev.openedx.eventbus.testsupport;

import org.jspecify.annotations.NullMarked;
