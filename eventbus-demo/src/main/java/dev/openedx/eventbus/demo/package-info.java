/**
 * The one-command demo: both sample services as processes, talking over the event bus.
 */
@NullMarked
package dev.openedx.eventbus.demo;

import org.jspecify.annotations.NullMarked;
