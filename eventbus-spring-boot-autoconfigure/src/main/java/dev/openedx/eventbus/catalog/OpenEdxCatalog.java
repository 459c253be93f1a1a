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

package dev.openedx.eventbus.catalog;

import java.util.List;
import java.util.stream.Stream;

import dev.openedx.eventbus.catalog.analytics.AnalyticsEvents;
import dev.openedx.eventbus.catalog.authz.AuthzEvents;
import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.enterprise.EnterpriseEvents;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;

/**
 * The Open edX event catalog: the 75 event types ({@code OpenEdxPublicSignal}s) of openedx-events 11.2.0, with the
 * event type strings, data keys and attrs data classes of that release mirrored as {@link EventType} constants and
 * Java records. 72 of them can travel on the event bus; the 3 that openedx-events lists in
 * {@code KNOWN_UNSERIALIZABLE_SIGNALS} (the two {@code course.certificate_config} events, whose data holds a
 * {@code typing.BinaryIO}, and {@code learning.external_grader.score.submitted.v1}) exist for local use only.
 * <p>
 * The constants live in one class per subdomain, as the Python signals live in one module per subdomain:
 * {@link AnalyticsEvents}, {@link AuthzEvents}, {@link ContentAuthoringEvents}, {@link EnterpriseEvents} and
 * {@link LearningEvents}. This class gathers them:
 * <pre class="code">
 * EventCatalog catalog = OpenEdxCatalog.catalog();
 * EventType&lt;?&gt; type = catalog.get("org.openedx.learning.course.enrollment.created.v1");
 * // type == LearningEvents.COURSE_ENROLLMENT_CREATED
 * </pre>
 *
 * @since 0.1.0
 */
public final class OpenEdxCatalog {

	private static final List<EventType<?>> ALL = Stream
		.of(AnalyticsEvents.all(), AuthzEvents.all(), ContentAuthoringEvents.all(), EnterpriseEvents.all(),
				LearningEvents.all())
		.flatMap(List::stream)
		.toList();

	private static final List<EventType<?>> BUS_CAPABLE = ALL.stream().filter(EventType::busCapable).toList();

	private static final EventCatalog CATALOG = EventCatalog.of(ALL);

	private OpenEdxCatalog() {
	}

	/**
	 * All 75 event types, by subdomain (analytics, authz, content authoring, enterprise, learning) and within each
	 * in the order openedx-events declares them.
	 * @return the event types, never {@code null}
	 */
	public static List<EventType<?>> all() {
		return ALL;
	}

	/**
	 * The 72 event types that can travel on the event bus, in the order of {@link #all()}.
	 * @return the event types, never {@code null}
	 */
	public static List<EventType<?>> busCapable() {
		return BUS_CAPABLE;
	}

	/**
	 * The catalog of all 75 event types, to look message types up in.
	 * @return the catalog, never {@code null}
	 */
	public static EventCatalog catalog() {
		return CATALOG;
	}

}
