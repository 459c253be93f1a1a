/**
 * Transport-neutral monitoring of the broker and of consumer groups: the probe each transport implements (broker
 * reachable, a group's lag and pending entries, a Redis stream's trim position) and the monitor that reads every
 * worker's backlog on a schedule for metrics, health and the actuator endpoint.
 */
@NullMarked
package dev.openedx.eventbus.monitor;

import org.jspecify.annotations.NullMarked;
