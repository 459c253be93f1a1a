/**
 * Event types and data records of openedx-events' {@code openedx_events.analytics} subdomain.
 */
@NullMarked
package dev.openedx.eventbus.catalog.analytics;

import org.jspecify.annotations.NullMarked;
