/**
 * Auto-configuration of the event bus meters.
 */
@NullMarked
package dev.openedx.eventbus.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
