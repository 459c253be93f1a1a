/**
 * Sample LMS-like service that publishes Open edX events.
 */
@NullMarked
package dev.openedx.eventbus.sample.producer;

import org.jspecify.annotations.NullMarked;
