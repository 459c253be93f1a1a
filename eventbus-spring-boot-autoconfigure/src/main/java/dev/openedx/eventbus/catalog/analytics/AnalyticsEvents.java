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

package dev.openedx.eventbus.catalog.analytics;

import java.util.List;

import dev.openedx.eventbus.event.EventType;

/**
 * The analytics event types of openedx-events 11.2.0 ({@code openedx_events/analytics/signals.py}): one constant per
 * {@code OpenEdxPublicSignal}, named as the signal, in the order the module declares them. {@link Types} has the event
 * type strings as compile-time constants, for annotations.
 * <pre class="code">
 * publisher.publishEvent(AnalyticsEvents.TRACKING_EVENT_EMITTED.event(log));
 *
 * &#64;OpenEdxEventListener(AnalyticsEvents.Types.TRACKING_EVENT_EMITTED)
 * void on(TrackingLogData log) { ... }
 * </pre>
 *
 * @since 0.1.0
 */
public final class AnalyticsEvents {

	/** Emitted when a tracking log event is emitted. */
	public static final EventType<TrackingLogData> TRACKING_EVENT_EMITTED =
			EventType.of(Types.TRACKING_EVENT_EMITTED, "tracking_log", TrackingLogData.class);

	private static final List<EventType<?>> ALL = List.of(TRACKING_EVENT_EMITTED);

	private AnalyticsEvents() {
	}

	/**
	 * All analytics event types, in declaration order.
	 * @return the event types, never {@code null}
	 */
	public static List<EventType<?>> all() {
		return ALL;
	}

	/**
	 * The event type strings, as compile-time constants for annotations such as
	 * {@code @OpenEdxEventListener}.
	 */
	public static final class Types {

		/** Event type of {@link AnalyticsEvents#TRACKING_EVENT_EMITTED}. */
		public static final String TRACKING_EVENT_EMITTED = "org.openedx.analytics.tracking.event.emitted.v1";

		private Types() {
		}

	}

}
