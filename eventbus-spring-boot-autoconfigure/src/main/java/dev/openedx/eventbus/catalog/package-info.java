/**
 * The Open edX event catalog: every event type of openedx-events 11.2.0 and its data records, one subpackage per
 * subdomain, gathered by {@link dev.openedx.eventbus.catalog.OpenEdxCatalog}.
 */
@NullMarked
package dev.openedx.eventbus.catalog;

import org.jspecify.annotations.NullMarked;
