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

package dev.openedx.eventbus.kafka;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The records of one poll, as the worker iterates them: iteration skips, at the moment it reaches them, the records
 * of partitions this member no longer owns (revoked by a rebalance while the worker went through the batch), so a
 * live member never handles a record that another member now owns. {@link #get(int)} and {@link #size()} still
 * see the whole batch.
 */
final class KafkaBatch extends AbstractList<KafkaInboundMessage> {

	private final List<KafkaInboundMessage> messages;

	private final Predicate<KafkaInboundMessage> current;

	KafkaBatch(List<KafkaInboundMessage> messages, Predicate<KafkaInboundMessage> current) {
		this.messages = messages;
		this.current = current;
	}

	@Override
	public KafkaInboundMessage get(int index) {
		return this.messages.get(index);
	}

	@Override
	public int size() {
		return this.messages.size();
	}

	@Override
	public Iterator<KafkaInboundMessage> iterator() {
		return new Iterator<>() {

			private int index;

			private @Nullable KafkaInboundMessage next;

			@Override
			public boolean hasNext() {
				while (this.next == null && this.index < KafkaBatch.this.messages.size()) {
					KafkaInboundMessage candidate = KafkaBatch.this.messages.get(this.index++);
					if (KafkaBatch.this.current.test(candidate)) {
						this.next = candidate;
					}
				}
				return this.next != null;
			}

			@Override
			public KafkaInboundMessage next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				KafkaInboundMessage result = this.next;
				this.next = null;
				return result;
			}

		};
	}

}
