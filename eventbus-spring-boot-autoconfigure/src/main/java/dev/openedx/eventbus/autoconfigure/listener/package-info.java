/**
 * Consuming in a Spring application: {@code @OpenEdxEventListener} methods, and the dispatcher that re-fires events
 * received from the bus as application events.
 */
@NullMarked
package dev.openedx.eventbus.autoconfigure.listener;

import org.jspecify.annotations.NullMarked;
