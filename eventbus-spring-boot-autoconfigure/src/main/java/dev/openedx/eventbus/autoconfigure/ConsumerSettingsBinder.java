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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.consumer.RetryPolicy;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.TopicNames;
import dev.openedx.eventbus.kafka.KafkaDeadLetterRecoverer;
import dev.openedx.eventbus.worker.ReplayTimes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * The one path from the consumer properties to the {@link ConsumerSettings} each worker runs with:
 * {@code eventbus.consumer.*}, the transport's {@code eventbus.kafka.consumer.*} or {@code eventbus.redis.consumer.*},
 * and {@code eventbus.consumer.redis.*}. Every rule is checked here, once, and what cannot work is refused with the
 * property's name.
 */
final class ConsumerSettingsBinder {

	private static final String PREFIX = "eventbus.consumer.workers";

	private static final String REDIS_PREFIX = "eventbus.redis.consumer";


	/** The longest topic name a Kafka broker accepts. */
	private static final int MAX_TOPIC_LENGTH = 249;

	private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");

	private ConsumerSettingsBinder() {
	}

	/**
	 * The settings every worker starts from (the {@code consume-events} command's too): name, destination and group
	 * are placeholders that {@link ConsumerSettings#forWorker} replaces.
	 * @param properties the properties
	 * @param transport the transport of the consumer factory, which the settings name
	 * @return the checked settings
	 * @throws InvalidConfigurationPropertyValueException naming the property that cannot work
	 */
	static ConsumerSettings template(EventBusProperties properties, String transport) {
		EventBusProperties.Consumer consumer = properties.getConsumer();
		// The rules follow the configured transport; the settings name the factory's (a test's in-memory one, say).
		boolean redisTransport = isRedis(properties);
		if (consumer.getConsecutiveErrorsLimit() < 0) {
			throw new InvalidConfigurationPropertyValueException("eventbus.consumer.consecutive-errors-limit",
					consumer.getConsecutiveErrorsLimit(), "The limit must be 0 (no limit) or more.");
		}
		ConsumerSettings template = ConsumerSettings.defaults(transport, "", "")
			.withConsecutiveErrorsLimit(consumer.getConsecutiveErrorsLimit())
			.withRetry(retry(consumer.getRetry()))
			.withPollTimeout(redisTransport ? redisBlock(properties.getRedis().getConsumer())
					: positive("eventbus.kafka.consumer.poll-timeout",
							properties.getKafka().getConsumer().getPollTimeout(),
							"A poll must wait a little for records, or the worker spins."))
			.withPollFailureSleep(positive("eventbus.consumer.poll-failure-sleep", consumer.getPollFailureSleep(),
					"The wait after a failed poll must be positive: 0 would retry a broker that is down in a tight "
							+ "loop, flooding the log and the broker."))
			.withMaxTransientWait(maxTransientWait("eventbus.consumer.max-transient-wait",
					consumer.getMaxTransientWait()))
			.withMaxMessageSize(maxMessageSize("eventbus.consumer.max-message-size", consumer.getMaxMessageSize()))
			.withFailurePolicy(consumer.getFailurePolicy());
		template = template.withRedis(redis(properties));
		if (redisTransport) {
			checkClaimMinIdle(template);
		}
		return template;
	}

	/**
	 * The settings of each configured worker ({@code eventbus.consumer.workers.*}).
	 * @param properties the properties
	 * @param transport the transport of the consumer factory, which the settings name
	 * @param catalog the known event types
	 * @param serviceName the default consumer group, or {@code null}
	 * @return the settings, in configuration order
	 * @throws InvalidConfigurationPropertyValueException naming the property that cannot work
	 */
	static List<ConsumerSettings> workers(EventBusProperties properties, String transport, EventCatalog catalog,
			@Nullable String serviceName) {
		ConsumerSettings template = template(properties, transport);
		List<ConsumerSettings> workers = new ArrayList<>();
		Map<String, String> workerOfConsumer = new HashMap<>();
		for (Map.Entry<String, EventBusProperties.Worker> entry : properties.getConsumer().getWorkers().entrySet()) {
			ConsumerSettings settings = worker(properties, template, entry.getKey(), entry.getValue(), catalog,
					serviceName);
			int concurrency = concurrency(properties, entry.getKey(), entry.getValue());
			for (ConsumerSettings consumer : concurrent(settings, concurrency)) {
				String other = workerOfConsumer.putIfAbsent(consumer.name(), entry.getKey());
				if (other != null) {
					String renamed = (concurrency > 1) ? entry.getKey() : other;
					throw new InvalidConfigurationPropertyValueException(
							PropertyNames.key(PREFIX, renamed) + ".concurrency", concurrency(properties, renamed,
									properties.getConsumer().getWorkers().get(renamed)),
							"Its consumer " + consumer.name() + " has the name of another worker: rename one of them.");
				}
				workers.add(consumer);
			}
		}
		return workers;
	}

	/**
	 * The consumers of one worker: itself when it runs one, else {@code <name>-1} to {@code <name>-N}, the same
	 * group and destination, and (on Redis) consumer names of their own, as spring-kafka's concurrent container
	 * runs one member per thread.
	 */
	static List<ConsumerSettings> concurrent(ConsumerSettings settings, int concurrency) {
		if (concurrency == 1) {
			return List.of(settings);
		}
		List<ConsumerSettings> consumers = new ArrayList<>(concurrency);
		for (int i = 1; i <= concurrency; i++) {
			consumers.add(settings.withName(settings.name() + "-" + i)
				.withRedis(settings.redis().withConsumerName(settings.redis().consumerName() + "-" + i)));
		}
		return consumers;
	}

	/**
	 * The names of the consumers a configured worker runs as (its own name, or {@code <name>-1} to {@code <name>-N}).
	 */
	static List<String> consumerNames(EventBusProperties properties, String name, EventBusProperties.Worker worker) {
		int concurrency = concurrency(properties, name, worker);
		if (concurrency == 1) {
			return List.of(name);
		}
		List<String> names = new ArrayList<>(concurrency);
		for (int i = 1; i <= concurrency; i++) {
			names.add(name + "-" + i);
		}
		return names;
	}

	private static int concurrency(EventBusProperties properties, String name, EventBusProperties.Worker worker) {
		boolean own = worker.getConcurrency() != null;
		int concurrency = own ? worker.getConcurrency() : properties.getConsumer().getConcurrency();
		if (concurrency < 1) {
			throw new InvalidConfigurationPropertyValueException(
					own ? PropertyNames.key(PREFIX, name) + ".concurrency" : "eventbus.consumer.concurrency",
					concurrency, "A worker runs at least 1 consumer.");
		}
		return concurrency;
	}

	private static ConsumerSettings worker(EventBusProperties properties, ConsumerSettings template, String name,
			EventBusProperties.Worker worker, EventCatalog catalog, @Nullable String serviceName) {
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
								+ "application as an EventType bean." + EventTypeSuggestions.didYouMean(type, catalog));
			}
			eventTypes.add(type);
		}
		boolean redisTransport = isRedis(properties);
		if (worker.getStartPosition() != null && redisTransport) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".start-position",
					worker.getStartPosition(), "The start position applies to Kafka only: a new Redis consumer "
							+ "group starts at the beginning of the stream, as in Python. To skip what arrived "
							+ "while a worker was down, set eventbus.redis.consumer.check-backlog=false.");
		}
		String destination = TopicNames.fullName(properties.getTopicPrefix(), worker.getTopic());
		if (!redisTransport) {
			checkTopic(prefix + ".topic", worker.getTopic(), destination, template.failurePolicy());
		}
		ConsumerSettings settings = template.forWorker(name, destination, groupId)
			.withEventTypes(eventTypes)
			.withStartPosition(worker.getStartPosition());
		Instant replayFrom = replayFrom(prefix + ".replay-from", worker.getReplayFrom());
		if (replayFrom != null) {
			// The worker's replay time wins over eventbus.redis.consumer.last-read-msg-id.
			settings = settings.withReplayFrom(replayFrom)
				.withRedis(settings.redis().withLastReadMessageId(null));
		}
		if (worker.getConsecutiveErrorsLimit() != null) {
			if (worker.getConsecutiveErrorsLimit() < 0) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".consecutive-errors-limit",
						worker.getConsecutiveErrorsLimit(), "The limit must be 0 (no limit) or more.");
			}
			settings = settings.withConsecutiveErrorsLimit(worker.getConsecutiveErrorsLimit());
		}
		if (worker.getMaxTransientWait() != null) {
			settings = settings
				.withMaxTransientWait(maxTransientWait(prefix + ".max-transient-wait", worker.getMaxTransientWait()));
		}
		if (worker.getMaxMessageSize() != null) {
			settings = settings
				.withMaxMessageSize(maxMessageSize(prefix + ".max-message-size", worker.getMaxMessageSize()));
		}
		return settings;
	}

	private static boolean isRedis(EventBusProperties properties) {
		return properties.getTransport() == EventBusProperties.Transport.REDIS;
	}

	private static RetryPolicy retry(EventBusProperties.Retry retry) {
		try {
			return new RetryPolicy(retry.getMaxAttempts(), retry.getInitialInterval(), retry.getMultiplier(),
					retry.getMaxInterval());
		}
		catch (IllegalArgumentException ex) {
			String property = (retry.getMaxAttempts() < 1) ? "eventbus.consumer.retry.max-attempts"
					: "eventbus.consumer.retry.multiplier";
			Object value = (retry.getMaxAttempts() < 1) ? retry.getMaxAttempts() : retry.getMultiplier();
			throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
		}
	}

	private static Duration redisBlock(EventBusProperties.RedisConsumer consumer) {
		if (consumer.getBlock().toMillis() < 1) {
			throw new InvalidConfigurationPropertyValueException(REDIS_PREFIX + ".block", consumer.getBlock(),
					"The block must be at least 1 ms: BLOCK 0 waits for ever, and the worker could never stop.");
		}
		return consumer.getBlock();
	}

	private static ConsumerSettings.Redis redis(EventBusProperties properties) {
		EventBusProperties.RedisConsumer consumer = properties.getRedis().getConsumer();
		String consumerName = consumer.getName();
		if (consumerName != null && consumerName.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(REDIS_PREFIX + ".name", consumerName,
					"The consumer name must not be blank; leave it unset for the host name.");
		}
		if (consumer.getBatchSize() < 1) {
			throw new InvalidConfigurationPropertyValueException(REDIS_PREFIX + ".batch-size",
					consumer.getBatchSize(), "A read must return at least 1 entry.");
		}
		positive(REDIS_PREFIX + ".claim-min-idle", consumer.getClaimMinIdle(),
				"Pending entries must be idle a while before another consumer claims them.");
		positive(REDIS_PREFIX + ".claim-interval", consumer.getClaimInterval(),
				"The worker must wait between two looks for entries to claim.");
		String lastRead = consumer.getLastReadMsgId();
		if (lastRead != null && !ConsumerSettings.Redis.isEntryId(lastRead)) {
			throw new InvalidConfigurationPropertyValueException(REDIS_PREFIX + ".last-read-msg-id", lastRead,
					"It is not a stream entry id such as 1679676448892-0.");
		}
		if (consumer.getDeadLetterMaxLen() < 0) {
			throw new InvalidConfigurationPropertyValueException(REDIS_PREFIX + ".dead-letter-max-len",
					consumer.getDeadLetterMaxLen(), "The length must be 0 (never trimmed) or more.");
		}
		int maxDeliveries = properties.getConsumer().getRedis().getMaxDeliveries();
		if (maxDeliveries < 1) {
			throw new InvalidConfigurationPropertyValueException("eventbus.consumer.redis.max-deliveries",
					maxDeliveries, "An entry must be delivered at least once: the limit must be 1 or more.");
		}
		return new ConsumerSettings.Redis(
				(consumerName != null) ? consumerName : ConsumerSettings.Redis.defaultConsumerName(),
				consumer.getBatchSize(), consumer.getClaimMinIdle(), consumer.getClaimInterval(),
				consumer.isCheckBacklog(), lastRead, consumer.getDeadLetterMaxLen(), maxDeliveries);
	}

	/**
	 * Refuse a claim time another consumer could reach while this one still handles a batch: the entries would be
	 * claimed and handled twice.
	 */
	private static void checkClaimMinIdle(ConsumerSettings settings) {
		Duration claimMinIdle = settings.redis().claimMinIdle();
		Duration batchTime = settings.redisBatchHandlingTime();
		if (claimMinIdle.compareTo(batchTime) <= 0) {
			throw new InvalidConfigurationPropertyValueException(REDIS_PREFIX + ".claim-min-idle", claimMinIdle,
					"It must be longer than the worst-case handling time of a batch, " + batchTime.toSeconds()
							+ " s here (" + ConsumerSettings.REDIS_BATCH_RULE + ", from "
							+ "eventbus.redis.consumer.batch-size and eventbus.consumer.retry.*), or another consumer "
							+ "claims entries still being handled and they are handled twice. Raise it, or lower "
							+ "the batch size or the retries.");
		}
	}

	/**
	 * Refuse a topic, or its dead-letter topic, that a Kafka broker cannot have: the worker would fail on its first
	 * poll, or on its first dead letter, long after start-up.
	 */
	private static void checkTopic(String property, @Nullable String topic, String fullName, FailurePolicy policy) {
		if (!LEGAL_TOPIC.matcher(fullName).matches()) {
			throw new InvalidConfigurationPropertyValueException(property, topic, "The topic '" + fullName
					+ "' (with eventbus.topic-prefix) has characters Kafka does not allow in a topic name: only "
					+ "ASCII letters, digits, '.', '_' and '-'.");
		}
		String deadLetters = fullName + KafkaDeadLetterRecoverer.TOPIC_SUFFIX;
		int limit = (policy == FailurePolicy.DEAD_LETTER) ? MAX_TOPIC_LENGTH - KafkaDeadLetterRecoverer.TOPIC_SUFFIX
			.length() : MAX_TOPIC_LENGTH;
		if (fullName.length() > limit) {
			String what = (policy == FailurePolicy.DEAD_LETTER) ? "its dead-letter topic '" + deadLetters + "' has "
					+ deadLetters.length() + " characters" : "it has " + fullName.length() + " characters";
			throw new InvalidConfigurationPropertyValueException(property, topic, "The topic '" + fullName
					+ "' (with eventbus.topic-prefix) is too long for Kafka: " + what + ", and a topic name has at "
					+ "most " + MAX_TOPIC_LENGTH + ". Shorten the topic or eventbus.topic-prefix.");
		}
	}

	private static Duration positive(String property, Duration value, String reason) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, value, reason);
		}
		return value;
	}

	private static Duration maxTransientWait(String property, Duration wait) {
		return positive(property, wait, "The bound on transient waits must be positive: past it a message is "
				+ "dead-lettered, so 0 would dead-letter every message that meets a transient failure.");
	}

	private static int maxMessageSize(String property, DataSize size) {
		if (size.toBytes() < 1 || size.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(property, size,
					"The size limit must be at least 1 byte and at most 2GB (the default, 1MB, is Kafka's default "
							+ "message.max.bytes).");
		}
		return (int) size.toBytes();
	}

	private static @Nullable Instant replayFrom(String property, @Nullable String text) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return ReplayTimes.parse(text).toInstant();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, text, ex.getMessage());
		}
	}

}
