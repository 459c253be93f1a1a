/**
 * Publishing in a Spring application: the routing table of {@code eventbus.producer.events}, the publisher that
 * sends an event once per enabled route, and the application-event listeners that stamp metadata and bridge
 * published events to the bus.
 */
@NullMarked
package dev.openedx.eventbus.autoconfigure.producer;

import org.jspecify.annotations.NullMarked;
