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

package dev.openedx.eventbus.autoconfigure;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.openedx.eventbus.worker.ReplayTimes;
import dev.openedx.eventbus.consumer.WorkerDefaults;
import dev.openedx.eventbus.consumer.WorkerDefinition;
import dev.openedx.eventbus.consumer.RetryPolicy;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.TopicNames;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@code eventbus.consumer.*} into worker definitions, refusing what cannot work with the property's name.
 */
final class WorkerDefinitions {

	private static final String PREFIX = "eventbus.consumer.workers";

	private WorkerDefinitions() {
	}

	static WorkerDefaults defaults(EventBusProperties properties) {
		EventBusProperties.Consumer consumer = properties.getConsumer();
		EventBusProperties.Retry retry = consumer.getRetry();
		if (consumer.getConsecutiveErrorsLimit() < 0) {
			throw new InvalidConfigurationPropertyValueException("eventbus.consumer.consecutive-errors-limit",
					consumer.getConsecutiveErrorsLimit(), "The limit must be 0 (no limit) or more.");
		}
		RetryPolicy policy;
		try {
			policy = new RetryPolicy(retry.getMaxAttempts(), retry.getInitialInterval(), retry.getMultiplier(),
					retry.getMaxInterval());
		}
		catch (IllegalArgumentException ex) {
			String property = (retry.getMaxAttempts() < 1) ? "eventbus.consumer.retry.max-attempts"
					: "eventbus.consumer.retry.multiplier";
			Object value = (retry.getMaxAttempts() < 1) ? retry.getMaxAttempts() : retry.getMultiplier();
			throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
		}
		return new WorkerDefaults(consumer.getConsecutiveErrorsLimit(), policy, consumer.getPollFailureSleep(),
				maxTransientWait("eventbus.consumer.max-transient-wait", consumer.getMaxTransientWait()),
				maxMessageSize("eventbus.consumer.max-message-size", consumer.getMaxMessageSize()),
				consumer.getFailurePolicy());
	}

	static List<WorkerDefinition> create(EventBusProperties properties, EventCatalog catalog,
			@Nullable String serviceName) {
		WorkerDefaults defaults = defaults(properties);
		List<WorkerDefinition> definitions = new ArrayList<>();
		for (Map.Entry<String, EventBusProperties.Worker> entry : properties.getConsumer().getWorkers().entrySet()) {
			String name = entry.getKey();
			EventBusProperties.Worker worker = entry.getValue();
			String prefix = PropertyNames.key(PREFIX, name);
			if (!StringUtils.hasText(worker.getTopic())) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".topic", worker.getTopic(),
						"Every worker needs the topic or stream to consume, without prefix.");
			}
			String groupId = StringUtils.hasText(worker.getGroupId()) ? worker.getGroupId() : serviceName;
			if (groupId == null) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".group-id", null,
						"Every worker needs a consumer group; it defaults to eventbus.service-name or "
								+ "spring.application.name, and neither is set.");
			}
			Set<String> eventTypes = new LinkedHashSet<>();
			for (int i = 0; i < worker.getEventTypes().size(); i++) {
				String type = worker.getEventTypes().get(i);
				if (catalog.find(type).isEmpty()) {
					throw new InvalidConfigurationPropertyValueException(prefix + ".event-types[" + i + "]", type,
							"Unknown event type: it is neither in the Open edX catalog nor declared by the "
									+ "application as an EventType bean."
									+ EventTypeSuggestions.didYouMean(type, catalog));
				}
				eventTypes.add(type);
			}
			if (worker.getStartPosition() != null && properties.getTransport() == EventBusProperties.Transport.REDIS) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".start-position",
						worker.getStartPosition(), "The start position applies to Kafka only: a new Redis consumer "
								+ "group starts at the beginning of the stream, as in Python. To skip what arrived "
								+ "while a worker was down, set eventbus.redis.consumer.check-backlog=false.");
			}
			WorkerDefinition definition = defaults
				.definition(name, TopicNames.fullName(properties.getTopicPrefix(), worker.getTopic()), groupId)
				.withEventTypes(eventTypes)
				.withStartPosition(worker.getStartPosition())
				.withReplayFrom(replayFrom(prefix + ".replay-from", worker.getReplayFrom()));
			if (worker.getConsecutiveErrorsLimit() != null) {
				if (worker.getConsecutiveErrorsLimit() < 0) {
					throw new InvalidConfigurationPropertyValueException(prefix + ".consecutive-errors-limit",
							worker.getConsecutiveErrorsLimit(), "The limit must be 0 (no limit) or more.");
				}
				definition = definition.withConsecutiveErrorsLimit(worker.getConsecutiveErrorsLimit());
			}
			if (worker.getMaxTransientWait() != null) {
				definition = definition.withMaxTransientWait(
						maxTransientWait(prefix + ".max-transient-wait", worker.getMaxTransientWait()));
			}
			if (worker.getMaxMessageSize() != null) {
				definition = definition
					.withMaxMessageSize(maxMessageSize(prefix + ".max-message-size", worker.getMaxMessageSize()));
			}
			definitions.add(definition);
		}
		return definitions;
	}

	static int maxDeliveries(EventBusProperties properties) {
		int maxDeliveries = properties.getConsumer().getRedis().getMaxDeliveries();
		if (maxDeliveries < 1) {
			throw new InvalidConfigurationPropertyValueException("eventbus.consumer.redis.max-deliveries",
					maxDeliveries, "An entry must be delivered at least once: the limit must be 1 or more.");
		}
		return maxDeliveries;
	}

	static Duration maxTransientWait(String property, Duration wait) {
		if (wait.isNegative() || wait.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, wait,
					"The bound on transient waits must be positive: past it a message is dead-lettered, so 0 would "
							+ "dead-letter every message that meets a transient failure.");
		}
		return wait;
	}

	static int maxMessageSize(String property, DataSize size) {
		if (size.toBytes() < 1 || size.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(property, size,
					"The size limit must be at least 1 byte and at most 2GB (the default, 1MB, is Kafka's default "
							+ "message.max.bytes).");
		}
		return (int) size.toBytes();
	}

	private static @Nullable OffsetDateTime replayFrom(String property, @Nullable String text) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return ReplayTimes.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, text, ex.getMessage());
		}
	}

}
