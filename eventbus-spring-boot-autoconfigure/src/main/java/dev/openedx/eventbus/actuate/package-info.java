/**
 * Actuator parts of the event bus: Micrometer meters, the {@code eventbus} health contributor and the
 * {@code eventbus} actuator endpoint. They never import from {@code autoconfigure}.
 */
@NullMarked
package dev.openedx.eventbus.actuate;

import org.jspecify.annotations.NullMarked;
