package dev.openedx.eventbus.autoconfigure.testing;

import java.time.Duration;
import java.time.Instant;

import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.monitor.GroupBacklog;

/**
 * A broker probe for wiring tests (a unit seam): the broker always answers and no group has a backlog.
 */
public final class FixedBrokerProbe implements BrokerProbe {

	@Override
	public String transport() {
		return "memory";
	}

	@Override
	public String ping(Duration timeout) {
		return "pong";
	}

	@Override
	public GroupBacklog backlog(String destination, String group, Duration timeout) {
		return new GroupBacklog(Instant.now(), 0L, null, null);
	}

}
