package dev.openedx.eventbus.observation;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Implemented by the transports' producers: each send is observed as {@link EventBusObservation#SEND} with the given
 * registry. With the default {@link ObservationRegistry#NOOP} nothing is observed and nothing is added to a message.
 * <pre class="code">
 * producer.setObservationRegistry(observationRegistry);
 * </pre>
 *
 * @since 0.1.0
 */
public interface SendObservationSupport {

	/**
	 * Observe sends with this registry.
	 * @param registry the registry, must not be {@code null}
	 */
	void setObservationRegistry(ObservationRegistry registry);

	/**
	 * Use this convention instead of {@link DefaultEventBusSendObservationConvention}.
	 * @param convention the convention, or {@code null} for the default
	 */
	void setObservationConvention(@Nullable EventBusSendObservationConvention convention);

}
