/**
 * Event types and data records of openedx-events' {@code openedx_events.authz} subdomain.
 */
@NullMarked
package dev.openedx.eventbus.catalog.authz;

import org.jspecify.annotations.NullMarked;
