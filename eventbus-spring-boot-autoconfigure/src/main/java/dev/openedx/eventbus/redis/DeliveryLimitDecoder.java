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

package dev.openedx.eventbus.redis;

import java.util.Objects;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.MessageDecoder;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Refuses, before decoding, an entry the group delivered more than {@code max-deliveries} times: such an entry was
 * handed to listeners that many times and never acknowledged, so it kills or hangs whatever consumer takes it (a
 * poison that crashes the process is never recorded as a failure). It becomes a {@link FailureKind#DELIVERY_LIMIT}
 * failure, dead-lettered by the failure policy without reaching the listeners again.
 */
final class DeliveryLimitDecoder implements MessageDecoder<RedisStreamMessage> {

	private final MessageDecoder<RedisStreamMessage> decoder;

	private final int maxDeliveries;

	/**
	 * @param decoder the decoder of entries under the limit
	 * @param maxDeliveries how many times an entry may be handed to listeners, 0 for no limit
	 */
	DeliveryLimitDecoder(MessageDecoder<RedisStreamMessage> decoder, int maxDeliveries) {
		this.decoder = Objects.requireNonNull(decoder, "decoder must not be null");
		if (maxDeliveries < 0) {
			throw new IllegalArgumentException("maxDeliveries must not be negative, was " + maxDeliveries);
		}
		this.maxDeliveries = maxDeliveries;
	}

	@Override
	public OpenEdxEvent<?> decode(RedisStreamMessage message) throws ConsumeFailureException {
		if (this.maxDeliveries > 0 && message.deliveryCount() > this.maxDeliveries) {
			throw new ConsumeFailureException(FailureKind.DELIVERY_LIMIT, "Entry " + message.coordinates()
					+ " was delivered " + (message.deliveryCount() - 1) + " times without being acknowledged "
					+ "(eventbus.consumer.redis.max-deliveries=" + this.maxDeliveries + "): a consumer that took it "
					+ "crashed or hung each time, so it is not handed to the listeners again");
		}
		return this.decoder.decode(message);
	}

}
