/**
 * Auto-configuration of the Open edX event bus: {@code eventbus.*} properties, the transport-neutral wiring and the
 * Kafka and Redis transports, and the failure analyzers that explain configuration mistakes at startup.
 */
@NullMarked
package dev.openedx.eventbus.autoconfigure;

import org.jspecify.annotations.NullMarked;
