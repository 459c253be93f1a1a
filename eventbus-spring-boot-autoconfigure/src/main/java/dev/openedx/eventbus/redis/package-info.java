/**
 * The Redis Streams transport, wire-compatible with edx-event-bus-redis: a producer that writes the eight stream
 * fields with {@code XADD}, and a consumer-group worker on the shared engine that acknowledges only after handling.
 */
@NullMarked
package dev.openedx.eventbus.redis;

import org.jspecify.annotations.NullMarked;
