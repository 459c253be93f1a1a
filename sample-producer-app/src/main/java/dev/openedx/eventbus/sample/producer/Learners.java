package dev.openedx.eventbus.sample.producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Stands in for the LMS user table: gives each user name a stable numeric id, as Open edX's {@code UserData.id}.
 */
@Component
final class Learners {

	private final Map<String, Long> ids = new ConcurrentHashMap<>();

	private final AtomicLong next = new AtomicLong(1000);

	long idOf(String username) {
		return this.ids.computeIfAbsent(username, (name) -> this.next.incrementAndGet());
	}

}
