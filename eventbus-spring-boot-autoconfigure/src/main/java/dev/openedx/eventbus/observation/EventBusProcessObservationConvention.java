package dev.openedx.eventbus.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of {@link EventBusObservation#PROCESS} observations; declare a bean of this type to replace or
 * extend {@link DefaultEventBusProcessObservationConvention}.
 *
 * @since 0.1.0
 */
public interface EventBusProcessObservationConvention extends ObservationConvention<EventBusProcessContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof EventBusProcessContext;
	}

	@Override
	default String getName() {
		return "eventbus.process";
	}

}
