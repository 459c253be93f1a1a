/**
 * Event types and data records of openedx-events' {@code openedx_events.enterprise} subdomain.
 */
@NullMarked
package dev.openedx.eventbus.catalog.enterprise;

import org.jspecify.annotations.NullMarked;
