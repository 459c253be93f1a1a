/**
 * Event types and data records of openedx-events' {@code openedx_events.learning} subdomain.
 */
@NullMarked
package dev.openedx.eventbus.catalog.learning;

import org.jspecify.annotations.NullMarked;
