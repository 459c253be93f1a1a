/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.openedx.eventbus.event;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who produces events: the {@code source}, {@code sourcehost} and {@code sourcelib} every event of a service
 * carries. A Spring application gets one from {@code eventbus.service-name} (default {@code spring.application.name});
 * code without Spring builds one with {@link #forService(String)}.
 * <pre class="code">
 * EventOrigin lms = EventOrigin.forService("lms"); // source openedx/lms/web
 * EventsMetadata metadata = lms.newMetadata(LearningEvents.COURSE_ENROLLMENT_CREATED);
 * </pre>
 *
 * @param source the {@code source} value, {@code openedx/<service>/web}
 * @param sourceHost the host name
 * @param sourceLib the library version integers
 * @since 0.1.0
 */
public record EventOrigin(String source, String sourceHost, List<Integer> sourceLib) {

	/** The service name Python uses when none is configured. */
	public static final String SERVICE_NAME_UNSET = "SERVICE_NAME_UNSET";

	private static final EventOrigin LOCAL = forService(SERVICE_NAME_UNSET);

	public EventOrigin {
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(sourceHost, "sourceHost must not be null");
		sourceLib = List.copyOf(sourceLib);
	}

	/**
	 * The origin of a service on this host: {@code openedx/<service>/web}, this host's name, and
	 * {@link EventsMetadata#OPENEDX_EVENTS_VERSION}. Python always writes {@code web}, also from workers, and
	 * consumers must not branch on it (OEP-41), so this does the same.
	 * @param serviceName the service name, for example {@code lms} or {@code course-discovery}
	 * @return the origin, never {@code null}
	 */
	public static EventOrigin forService(String serviceName) {
		Objects.requireNonNull(serviceName, "serviceName must not be null");
		return new EventOrigin("openedx/" + serviceName + "/web", HostName.VALUE, EventsMetadata.OPENEDX_EVENTS_VERSION);
	}

	/**
	 * The origin used when nothing else was configured, as Python does: service {@code SERVICE_NAME_UNSET}.
	 * @return the origin, never {@code null}
	 */
	public static EventOrigin local() {
		return LOCAL;
	}

	/**
	 * Fresh metadata for an event of the given type: new version-1 id, current time.
	 * @param eventType the event type
	 * @return new metadata, never {@code null}
	 */
	public EventsMetadata newMetadata(EventType<?> eventType) {
		return new EventsMetadata(eventType.type(), Uuid1.next(), eventType.minorVersion(), this.source,
				this.sourceHost, Instant.now(), this.sourceLib);
	}

	/** Resolved once: the lookup can be slow and the value does not change. */
	private static final class HostName {

		static final String VALUE = resolve();

		private static String resolve() {
			String env = System.getenv("HOSTNAME");
			if (env != null && !env.isBlank()) {
				return env.strip();
			}
			try {
				return InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				return "localhost";
			}
		}

	}

}
