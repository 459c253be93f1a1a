/**
 * Auto-configuration of the {@code eventbus} actuator endpoint.
 */
@NullMarked
package dev.openedx.eventbus.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
