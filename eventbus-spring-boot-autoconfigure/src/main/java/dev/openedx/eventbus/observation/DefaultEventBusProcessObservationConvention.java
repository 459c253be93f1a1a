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

import dev.openedx.eventbus.observation.EventBusObservation.ProcessHighCardinalityKeys;
import dev.openedx.eventbus.observation.EventBusObservation.ProcessLowCardinalityKeys;
import io.micrometer.common.KeyValues;

/**
 * The default {@link EventBusProcessObservationConvention}: name {@code eventbus.process}, contextual name
 * {@code <destination> process}, low-cardinality keys system, operation, destination, consumer group, worker and event
 * type; the event id and the message coordinates as high-cardinality keys. Extend it to add keys.
 *
 * @since 0.1.0
 */
public class DefaultEventBusProcessObservationConvention implements EventBusProcessObservationConvention {

	/** A shared instance. */
	public static final DefaultEventBusProcessObservationConvention INSTANCE =
			new DefaultEventBusProcessObservationConvention();

	@Override
	public String getContextualName(EventBusProcessContext context) {
		return context.getWorker().destination() + " process";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(EventBusProcessContext context) {
		return KeyValues.of(ProcessLowCardinalityKeys.MESSAGING_SYSTEM.withValue(context.getWorker().transport()),
				ProcessLowCardinalityKeys.MESSAGING_OPERATION.withValue("process"),
				ProcessLowCardinalityKeys.DESTINATION.withValue(context.getWorker().destination()),
				ProcessLowCardinalityKeys.CONSUMER_GROUP.withValue(context.getWorker().group()),
				ProcessLowCardinalityKeys.WORKER.withValue(context.getWorker().name()),
				ProcessLowCardinalityKeys.EVENT_TYPE.withValue(context.getEvent().type().type()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(EventBusProcessContext context) {
		return KeyValues.of(
				ProcessHighCardinalityKeys.MESSAGE_ID.withValue(context.getEvent().metadata().id().toString()),
				ProcessHighCardinalityKeys.COORDINATES.withValue(context.getMessage().coordinates()));
	}

}
