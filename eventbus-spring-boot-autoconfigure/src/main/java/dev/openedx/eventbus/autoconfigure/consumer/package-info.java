/**
 * Consumer workers in a Spring application: the transport-neutral worker definition, the factory SPI each transport
 * implements, and the life cycle that starts the configured workers late and stops them first.
 */
@NullMarked
package dev.openedx.eventbus.autoconfigure.consumer;

import org.jspecify.annotations.NullMarked;
