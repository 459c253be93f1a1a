/**
 * The public event model: event type descriptors, {@link dev.openedx.eventbus.event.EventsMetadata}, the
 * {@link dev.openedx.eventbus.event.OpenEdxEvent} envelope and the small SPIs that codecs and transports
 * implement. Depends on the JDK and on a few Spring core types only (the listener annotation and the generic
 * type hint of the envelope).
 */
@NullMarked
package dev.openedx.eventbus.event;

import org.jspecify.annotations.NullMarked;
