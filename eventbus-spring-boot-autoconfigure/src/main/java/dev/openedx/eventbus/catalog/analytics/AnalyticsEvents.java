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
