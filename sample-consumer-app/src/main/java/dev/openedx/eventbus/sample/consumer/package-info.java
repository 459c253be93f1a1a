/**
 * Sample catalog-like service that consumes Open edX events into a projection.
 */
@NullMarked
package dev.openedx.eventbus.sample.consumer;

import org.jspecify.annotations.NullMarked;
