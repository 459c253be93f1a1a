package dev.openedx.eventbus.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of {@link EventBusObservation#SEND} observations; declare a bean of this type to replace or extend
 * {@link DefaultEventBusSendObservationConvention}.
 *
 * @since 0.1.0
 */
public interface EventBusSendObservationConvention extends ObservationConvention<EventBusSendContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof EventBusSendContext;
	}

	@Override
	default String getName() {
		return "eventbus.send";
	}

}
