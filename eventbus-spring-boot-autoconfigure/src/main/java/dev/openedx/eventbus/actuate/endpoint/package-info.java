/**
 * The {@code eventbus} actuator endpoint: the routing table, the workers and the effective settings with secrets
 * masked; write operations switch a route on or off and stop or start a worker at run time.
 */
@NullMarked
package dev.openedx.eventbus.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
