/**
 * Auto-configuration of the Micrometer Observation of sends and listener calls, which gives spans and trace
 * propagation when tracing is on.
 */
@NullMarked
package dev.openedx.eventbus.autoconfigure.tracing;

import org.jspecify.annotations.NullMarked;
