/**
 * Micrometer Observation of sends and of event handling, shared by both transports: the documented observations, their
 * contexts (which carry the trace context in a Kafka header or a Redis stream field) and replaceable conventions.
 */
@NullMarked
package dev.openedx.eventbus.observation;

import org.jspecify.annotations.NullMarked;
