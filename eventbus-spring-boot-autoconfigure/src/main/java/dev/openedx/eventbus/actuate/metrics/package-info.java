/**
 * Micrometer meters of the event bus: events produced and consumed, handling time, failures by kind, consumer lag and
 * pending entries, and the time since the last event per topic.
 */
@NullMarked
package dev.openedx.eventbus.actuate.metrics;

import org.jspecify.annotations.NullMarked;
