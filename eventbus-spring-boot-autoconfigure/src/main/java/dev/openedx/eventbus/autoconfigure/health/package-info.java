/**
 * Auto-configuration of the {@code eventbus} health contributor.
 */
@NullMarked
package dev.openedx.eventbus.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
