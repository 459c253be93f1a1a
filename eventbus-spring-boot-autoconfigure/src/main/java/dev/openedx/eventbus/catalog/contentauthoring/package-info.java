/**
 * Event types and data records of openedx-events' {@code openedx_events.content_authoring} subdomain.
 */
@NullMarked
package dev.openedx.eventbus.catalog.contentauthoring;

import org.jspecify.annotations.NullMarked;
