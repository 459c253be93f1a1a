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

package dev.openedx.eventbus.observation;

import dev.openedx.eventbus.observation.EventBusObservation.SendHighCardinalityKeys;
import dev.openedx.eventbus.observation.EventBusObservation.SendLowCardinalityKeys;
import io.micrometer.common.KeyValues;

/**
 * The default {@link EventBusSendObservationConvention}: name {@code eventbus.send}, contextual name
 * {@code <destination> send}, low-cardinality keys system, operation, destination and event type, the event id as the
 * only high-cardinality key. Extend it to add keys.
 *
 * @since 0.1.0
 */
public class DefaultEventBusSendObservationConvention implements EventBusSendObservationConvention {

	/** A shared instance. */
	public static final DefaultEventBusSendObservationConvention INSTANCE =
			new DefaultEventBusSendObservationConvention();

	@Override
	public String getContextualName(EventBusSendContext context) {
		return context.getDestination() + " send";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(EventBusSendContext context) {
		return KeyValues.of(SendLowCardinalityKeys.MESSAGING_SYSTEM.withValue(context.getTransport()),
				SendLowCardinalityKeys.MESSAGING_OPERATION.withValue("publish"),
				SendLowCardinalityKeys.DESTINATION.withValue(context.getDestination()),
				SendLowCardinalityKeys.EVENT_TYPE.withValue(context.getEvent().type().type()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(EventBusSendContext context) {
		return KeyValues
			.of(SendHighCardinalityKeys.MESSAGE_ID.withValue(context.getEvent().metadata().id().toString()));
	}

}
