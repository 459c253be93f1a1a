/**
 * The transport-neutral producer side: the routing table of which event types go to which topics, with the run-time
 * switch of each route, and the observer hooks every send reports to (metrics, audit logs).
 */
@NullMarked
package dev.openedx.eventbus.producer;

import org.jspecify.annotations.NullMarked;
