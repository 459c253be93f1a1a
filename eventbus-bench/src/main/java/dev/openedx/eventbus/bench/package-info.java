/**
 * Benchmarks of the event bus against the raw clients, measured side by side in the same run.
 */
@NullMarked
package dev.openedx.eventbus.bench;

import org.jspecify.annotations.NullMarked;
