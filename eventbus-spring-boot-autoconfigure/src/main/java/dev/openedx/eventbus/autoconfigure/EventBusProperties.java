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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.publish.SendMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the Open edX event bus ({@code eventbus.*}), the Spring counterparts of the Python
 * {@code EVENT_BUS_*} settings. Connections are configured with Spring Boot's own {@code spring.kafka.*} and
 * {@code spring.data.redis.*} properties.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("eventbus")
public class EventBusProperties {

	/**
	 * Whether events are sent to and received from the bus. When disabled, published events still reach the
	 * application's own listeners.
	 */
	private boolean enabled = true;

	/**
	 * Transport that carries the events.
	 */
	private Transport transport = Transport.KAFKA;

	/**
	 * Name of this service, sent as the source metadata ("openedx/<name>/web") and used as the Kafka client id.
	 * Defaults to spring.application.name, then to SERVICE_NAME_UNSET as in Python.
	 */
	private @Nullable String serviceName;

	/**
	 * Prefix of every topic and stream name, joined with a hyphen ("<prefix>-<topic>"). Consumer group names are
	 * never prefixed.
	 */
	private @Nullable String topicPrefix;

	private final Producer producer = new Producer();

	private final Consumer consumer = new Consumer();

	private final AuditLogging auditLogging = new AuditLogging();

	private final Commands commands = new Commands();

	private final Kafka kafka = new Kafka();

	private final Redis redis = new Redis();

	private final Monitoring monitoring = new Monitoring();

	private final Tracing tracing = new Tracing();

	private final Jdbc jdbc = new Jdbc();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Transport getTransport() {
		return this.transport;
	}

	public void setTransport(Transport transport) {
		this.transport = transport;
	}

	public @Nullable String getServiceName() {
		return this.serviceName;
	}

	public void setServiceName(@Nullable String serviceName) {
		this.serviceName = serviceName;
	}

	public @Nullable String getTopicPrefix() {
		return this.topicPrefix;
	}

	public void setTopicPrefix(@Nullable String topicPrefix) {
		this.topicPrefix = topicPrefix;
	}

	public Producer getProducer() {
		return this.producer;
	}

	public Consumer getConsumer() {
		return this.consumer;
	}

	public AuditLogging getAuditLogging() {
		return this.auditLogging;
	}

	public Commands getCommands() {
		return this.commands;
	}

	public Kafka getKafka() {
		return this.kafka;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public Monitoring getMonitoring() {
		return this.monitoring;
	}

	public Tracing getTracing() {
		return this.tracing;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	/**
	 * Transports that can carry events.
	 */
	public enum Transport {

		/**
		 * Apache Kafka with a Confluent-compatible schema registry, as edx-event-bus-kafka.
		 */
		KAFKA,

		/**
		 * Redis Streams, as edx-event-bus-redis.
		 */
		REDIS;

		/**
		 * The name transports report, as in {@code SendReceipt#transport()}.
		 * @return {@code kafka} or {@code redis}
		 */
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	public static class Producer {

		/**
		 * Whether published events are sent to the bus.
		 */
		private boolean enabled = true;

		/**
		 * Topics each event type is sent to: event type, then topic without prefix, then the route's settings
		 * (EVENT_BUS_PRODUCER_CONFIG). Event types contain dots, so write them in brackets in YAML keys.
		 */
		private Map<String, Map<String, Route>> events = new LinkedHashMap<>();

		/**
		 * When a published event is sent: immediately, or after the surrounding transaction commits.
		 */
		private SendMode sendMode = SendMode.IMMEDIATE;

		/**
		 * Longest time a published event may wait, off the publishing thread, for its schemas to be registered and
		 * its topic's metadata (Kafka); past it the send fails, or with the outbox the event waits in the table.
		 * Also the default of the Kafka client's max.block.ms.
		 */
		private Duration maxBlock = Duration.ofSeconds(10);

		private final Outbox outbox = new Outbox();

		public Duration getMaxBlock() {
			return this.maxBlock;
		}

		public void setMaxBlock(Duration maxBlock) {
			this.maxBlock = maxBlock;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public Outbox getOutbox() {
			return this.outbox;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, Map<String, Route>> getEvents() {
			return this.events;
		}

		public void setEvents(Map<String, Map<String, Route>> events) {
			this.events = events;
		}

		public SendMode getSendMode() {
			return this.sendMode;
		}

		public void setSendMode(SendMode sendMode) {
			this.sendMode = sendMode;
		}

	}

	public static class Outbox {

		/**
		 * Whether events published inside a transaction are stored in the eventbus_outbox table in that transaction
		 * and sent by a relay once it committed. Needs a DataSource.
		 */
		private boolean enabled = false;

		/**
		 * Whether events published outside a transaction go through the outbox too (stored on their own, then
		 * relayed), instead of being sent at once.
		 */
		private boolean storeOutsideTransactions = false;

		/**
		 * Most events the relay locks and sends in one round.
		 */
		private int batchSize = 500;

		/**
		 * How often the relay looks for unsent events when no commit woke it (after a restart, an outage, or for
		 * events another instance stored).
		 */
		private Duration pollInterval = Duration.ofSeconds(1);

		/**
		 * How long one round of the relay waits for the broker's acknowledgements; events without one are retried.
		 */
		private Duration sendTimeout = Duration.ofMinutes(2);

		/**
		 * Wait before a destination whose send failed is tried again; doubled on each further failure.
		 */
		private Duration retryInterval = Duration.ofSeconds(1);

		/**
		 * Longest wait between two tries of a failing destination.
		 */
		private Duration maxRetryInterval = Duration.ofMinutes(1);

		/**
		 * Events still failing to send this long after they were stored are given up: kept as FAILED until
		 * resubmitted through the eventbus endpoint.
		 */
		private Duration giveUpAfter = Duration.ofDays(1);

		/**
		 * How long sent events are kept in the table; 0 deletes them once the broker acknowledged them.
		 */
		private Duration retention = Duration.ZERO;

		/**
		 * How often the number of unsent events and the age of the oldest are read, for the meters and the health.
		 */
		private Duration statisticsInterval = Duration.ofSeconds(10);

		/**
		 * An event unsent for longer than this is logged at ERROR and turns the outbox health DOWN.
		 */
		private Duration unsentThreshold = Duration.ofMinutes(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isStoreOutsideTransactions() {
			return this.storeOutsideTransactions;
		}

		public void setStoreOutsideTransactions(boolean storeOutsideTransactions) {
			this.storeOutsideTransactions = storeOutsideTransactions;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getSendTimeout() {
			return this.sendTimeout;
		}

		public void setSendTimeout(Duration sendTimeout) {
			this.sendTimeout = sendTimeout;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

		public Duration getMaxRetryInterval() {
			return this.maxRetryInterval;
		}

		public void setMaxRetryInterval(Duration maxRetryInterval) {
			this.maxRetryInterval = maxRetryInterval;
		}

		public Duration getGiveUpAfter() {
			return this.giveUpAfter;
		}

		public void setGiveUpAfter(Duration giveUpAfter) {
			this.giveUpAfter = giveUpAfter;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

		public Duration getStatisticsInterval() {
			return this.statisticsInterval;
		}

		public void setStatisticsInterval(Duration statisticsInterval) {
			this.statisticsInterval = statisticsInterval;
		}

		public Duration getUnsentThreshold() {
			return this.unsentThreshold;
		}

		public void setUnsentThreshold(Duration unsentThreshold) {
			this.unsentThreshold = unsentThreshold;
		}

	}

	public static class Route {

		/**
		 * Dotted path of the message key inside the event data, for example "enrollment.course.course_key". Required
		 * with Kafka; Redis does not use it.
		 */
		private @Nullable String eventKeyField;

		/**
		 * Whether events are sent on this route; it can be switched at run time.
		 */
		private boolean enabled = true;

		public @Nullable String getEventKeyField() {
			return this.eventKeyField;
		}

		public void setEventKeyField(@Nullable String eventKeyField) {
			this.eventKeyField = eventKeyField;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public static class Consumer {

		/**
		 * Whether consumer workers run (kill switch). When disabled, configured workers are not started and the
		 * consume-events command exits at once.
		 */
		private boolean enabled = true;

		/**
		 * Stop a worker after this many consecutive failed messages; 0 for never.
		 */
		private int consecutiveErrorsLimit = 0;

		/**
		 * First wait after a failed poll; doubled on each further failure up to 30 seconds.
		 */
		private Duration pollFailureSleep = Duration.ofSeconds(1);

		/**
		 * What a worker does with a message that failed for good: keep a copy on a dead-letter topic or stream, or
		 * only log it (Python's behaviour).
		 */
		private FailurePolicy failurePolicy = FailurePolicy.DEAD_LETTER;

		/**
		 * How long one message may be kept back by transient failures (a schema registry or a dependency that does
		 * not answer, a deferred message) before it is treated as failed for good and goes to the failure policy.
		 */
		private Duration maxTransientWait = Duration.ofMinutes(10);

		/**
		 * Largest Kafka record value or Redis entry that is decoded; larger ones go to the failure policy as
		 * message_too_large without being decoded. A plain number is in bytes.
		 */
		private DataSize maxMessageSize = DataSize.ofMegabytes(1);

		/**
		 * Whether to close the application and exit with status 1 when a worker fails, so that an orchestrator
		 * restarts it.
		 */
		private boolean exitOnFailure = false;

		/**
		 * How many consumers each worker runs, each on its own thread: Kafka members of the worker's group in this
		 * process (each with its partitions; more than the topic has partitions stay idle), Redis consumers of the
		 * group named "<name>-1" to "<name>-N". Each has its own error limit, retries and state.
		 */
		private int concurrency = 1;

		/**
		 * How long a graceful stop waits for each worker to finish the message in hand.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(30);

		/**
		 * Whether workers write the audit line of each event they handle (one INFO line under
		 * dev.openedx.eventbus.audit); per worker with eventbus.consumer.workers.<name>.audit-log. Needs
		 * eventbus.audit-logging.enabled.
		 */
		private boolean auditLog = true;

		private final Retry retry = new Retry();

		private final Inbox inbox = new Inbox();

		private final ConsumerRedis redis = new ConsumerRedis();

		/**
		 * Workers started with the application, by name.
		 */
		private Map<String, Worker> workers = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public boolean isAuditLog() {
			return this.auditLog;
		}

		public void setAuditLog(boolean auditLog) {
			this.auditLog = auditLog;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getConsecutiveErrorsLimit() {
			return this.consecutiveErrorsLimit;
		}

		public void setConsecutiveErrorsLimit(int consecutiveErrorsLimit) {
			this.consecutiveErrorsLimit = consecutiveErrorsLimit;
		}

		public Duration getPollFailureSleep() {
			return this.pollFailureSleep;
		}

		public void setPollFailureSleep(Duration pollFailureSleep) {
			this.pollFailureSleep = pollFailureSleep;
		}

		public FailurePolicy getFailurePolicy() {
			return this.failurePolicy;
		}

		public void setFailurePolicy(FailurePolicy failurePolicy) {
			this.failurePolicy = failurePolicy;
		}

		public Duration getMaxTransientWait() {
			return this.maxTransientWait;
		}

		public void setMaxTransientWait(Duration maxTransientWait) {
			this.maxTransientWait = maxTransientWait;
		}

		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public void setMaxMessageSize(DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public boolean isExitOnFailure() {
			return this.exitOnFailure;
		}

		public void setExitOnFailure(boolean exitOnFailure) {
			this.exitOnFailure = exitOnFailure;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public Retry getRetry() {
			return this.retry;
		}

		public Inbox getInbox() {
			return this.inbox;
		}

		public ConsumerRedis getRedis() {
			return this.redis;
		}

		public Map<String, Worker> getWorkers() {
			return this.workers;
		}

		public void setWorkers(Map<String, Worker> workers) {
			this.workers = workers;
		}

	}

	public static class ConsumerRedis {

		/**
		 * Deliveries an entry gets (its XPENDING delivery count) before it is dead-lettered as delivery_limit
		 * without being handed to the listeners again, so an entry that crashes every consumer cannot loop for ever.
		 */
		private int maxDeliveries = 5;

		public int getMaxDeliveries() {
			return this.maxDeliveries;
		}

		public void setMaxDeliveries(int maxDeliveries) {
			this.maxDeliveries = maxDeliveries;
		}

	}

	public static class Inbox {

		/**
		 * Whether every worker records each event id with its consumer group in the eventbus_inbox table, in the
		 * listeners' transaction, so a duplicate delivery is acknowledged without calling the listeners again. Needs
		 * a DataSource and a transaction manager.
		 */
		private boolean enabled = false;

		/**
		 * How long inbox rows are kept: a duplicate delivered later than this is no longer recognised.
		 */
		private Duration retention = Duration.ofDays(7);

		/**
		 * How often inbox rows older than the retention are deleted.
		 */
		private Duration cleanupInterval = Duration.ofHours(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

		public Duration getCleanupInterval() {
			return this.cleanupInterval;
		}

		public void setCleanupInterval(Duration cleanupInterval) {
			this.cleanupInterval = cleanupInterval;
		}

	}

	public static class Retry {

		/**
		 * How many times the listeners are called for one message in all; 1 means no retry (as in Python).
		 */
		private int maxAttempts = 1;

		/**
		 * Wait before the second attempt.
		 */
		private Duration initialInterval = Duration.ofSeconds(1);

		/**
		 * Factor applied to the wait after each attempt.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxInterval = Duration.ofSeconds(30);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

	}

	public static class Worker {

		/**
		 * Topic or stream to consume, without prefix.
		 */
		private @Nullable String topic;

		/**
		 * Consumer group, used verbatim. Defaults to the service name.
		 */
		private @Nullable String groupId;

		/**
		 * Event types handed to the listeners; others are acknowledged without being dispatched. Empty for all.
		 */
		private List<String> eventTypes = new ArrayList<>();

		/**
		 * Consecutive-errors limit of this worker; overrides eventbus.consumer.consecutive-errors-limit.
		 */
		private @Nullable Integer consecutiveErrorsLimit;

		/**
		 * Transient-wait bound of this worker; overrides eventbus.consumer.max-transient-wait.
		 */
		private @Nullable Duration maxTransientWait;

		/**
		 * Size limit of this worker; overrides eventbus.consumer.max-message-size.
		 */
		private @Nullable DataSize maxMessageSize;

		/**
		 * Consumers this worker runs; overrides eventbus.consumer.concurrency.
		 */
		private @Nullable Integer concurrency;

		/**
		 * Where this worker's group starts when it has no committed offsets yet (Kafka only); overrides
		 * eventbus.kafka.consumer.start-position.
		 */
		private @Nullable StartPosition startPosition;

		/**
		 * Re-deliver every message from this time on at each start (Python's offset_time), as an ISO-8601 date-time
		 * with an offset, for example "2026-01-08T06:46:22+00:00".
		 */
		private @Nullable String replayFrom;

		/**
		 * Whether this worker uses the inbox; overrides eventbus.consumer.inbox.enabled.
		 */
		private @Nullable Boolean inbox;

		/**
		 * Whether this worker writes the audit line of each event; overrides eventbus.consumer.audit-log.
		 */
		private @Nullable Boolean auditLog;

		public @Nullable Boolean getAuditLog() {
			return this.auditLog;
		}

		public void setAuditLog(@Nullable Boolean auditLog) {
			this.auditLog = auditLog;
		}

		public @Nullable Boolean getInbox() {
			return this.inbox;
		}

		public void setInbox(@Nullable Boolean inbox) {
			this.inbox = inbox;
		}

		public @Nullable String getTopic() {
			return this.topic;
		}

		public void setTopic(@Nullable String topic) {
			this.topic = topic;
		}

		public @Nullable String getGroupId() {
			return this.groupId;
		}

		public void setGroupId(@Nullable String groupId) {
			this.groupId = groupId;
		}

		public List<String> getEventTypes() {
			return this.eventTypes;
		}

		public void setEventTypes(List<String> eventTypes) {
			this.eventTypes = eventTypes;
		}

		public @Nullable Integer getConsecutiveErrorsLimit() {
			return this.consecutiveErrorsLimit;
		}

		public void setConsecutiveErrorsLimit(@Nullable Integer consecutiveErrorsLimit) {
			this.consecutiveErrorsLimit = consecutiveErrorsLimit;
		}

		public @Nullable Duration getMaxTransientWait() {
			return this.maxTransientWait;
		}

		public void setMaxTransientWait(@Nullable Duration maxTransientWait) {
			this.maxTransientWait = maxTransientWait;
		}

		public @Nullable DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public @Nullable Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(@Nullable Integer concurrency) {
			this.concurrency = concurrency;
		}

		public void setMaxMessageSize(@Nullable DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public @Nullable StartPosition getStartPosition() {
			return this.startPosition;
		}

		public void setStartPosition(@Nullable StartPosition startPosition) {
			this.startPosition = startPosition;
		}

		public @Nullable String getReplayFrom() {
			return this.replayFrom;
		}

		public void setReplayFrom(@Nullable String replayFrom) {
			this.replayFrom = replayFrom;
		}

	}

	public static class Commands {

		/**
		 * Whether a first program argument naming a command (consume-events, produce-event, generate-avro-schemas)
		 * runs that command instead of the application; false leaves every argument to the application.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public static class AuditLogging {

		/**
		 * Whether to log one INFO line per event produced, received and handled, with its coordinates and id (never
		 * its data).
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public static class Kafka {

		private final SchemaRegistry schemaRegistry = new SchemaRegistry();

		private final KafkaConsumer consumer = new KafkaConsumer();

		private final KafkaProducer producer = new KafkaProducer();

		public SchemaRegistry getSchemaRegistry() {
			return this.schemaRegistry;
		}

		public KafkaConsumer getConsumer() {
			return this.consumer;
		}

		public KafkaProducer getProducer() {
			return this.producer;
		}

	}

	public static class SchemaRegistry {

		/**
		 * URL of the Confluent-compatible schema registry, for example "http://registry:8081". Required with Kafka.
		 */
		private @Nullable String url;

		/**
		 * User name for the registry's basic authentication.
		 */
		private @Nullable String apiKey;

		/**
		 * Password for the registry's basic authentication.
		 */
		private @Nullable String apiSecret;

		/**
		 * Bearer token sent as "Authorization: Bearer <token>" instead of basic authentication.
		 */
		private @Nullable String bearerToken;

		/**
		 * Whether credentials may be sent over plain http to a host other than this machine, unencrypted.
		 */
		private boolean allowCredentialsOverHttp = false;

		private final RegistrySsl ssl = new RegistrySsl();

		/**
		 * Connect timeout of registry requests.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * Read timeout of registry requests.
		 */
		private Duration readTimeout = Duration.ofSeconds(10);

		/**
		 * Whether the schemas of every configured route are checked at startup against the latest ones registered
		 * under their subjects (startup fails, naming the differences, when the registry would refuse them) and
		 * registered, so the first event of a type does not wait for the registry.
		 */
		private boolean checkOnStartup = true;

		public boolean isCheckOnStartup() {
			return this.checkOnStartup;
		}

		public void setCheckOnStartup(boolean checkOnStartup) {
			this.checkOnStartup = checkOnStartup;
		}

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getApiKey() {
			return this.apiKey;
		}

		public void setApiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
		}

		public @Nullable String getApiSecret() {
			return this.apiSecret;
		}

		public void setApiSecret(@Nullable String apiSecret) {
			this.apiSecret = apiSecret;
		}

		public @Nullable String getBearerToken() {
			return this.bearerToken;
		}

		public void setBearerToken(@Nullable String bearerToken) {
			this.bearerToken = bearerToken;
		}

		public boolean isAllowCredentialsOverHttp() {
			return this.allowCredentialsOverHttp;
		}

		public void setAllowCredentialsOverHttp(boolean allowCredentialsOverHttp) {
			this.allowCredentialsOverHttp = allowCredentialsOverHttp;
		}

		public RegistrySsl getSsl() {
			return this.ssl;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

	}

	public static class RegistrySsl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) for https registry URLs: trust store and optional client
		 * certificate.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	public static class KafkaConsumer {

		/**
		 * How long one poll waits for messages.
		 */
		private Duration pollTimeout = Duration.ofSeconds(1);

		/**
		 * Where a consumer group with no committed offsets starts. Python consumers start at the latest offset.
		 */
		private StartPosition startPosition = StartPosition.EARLIEST;

		public Duration getPollTimeout() {
			return this.pollTimeout;
		}

		public void setPollTimeout(Duration pollTimeout) {
			this.pollTimeout = pollTimeout;
		}

		public StartPosition getStartPosition() {
			return this.startPosition;
		}

		public void setStartPosition(StartPosition startPosition) {
			this.startPosition = startPosition;
		}

	}

	public static class KafkaProducer {

		/**
		 * How keys are mapped to partitions.
		 */
		private Partitioner partitioner = Partitioner.CRC32;

		public Partitioner getPartitioner() {
			return this.partitioner;
		}

		public void setPartitioner(Partitioner partitioner) {
			this.partitioner = partitioner;
		}

	}

	/**
	 * How the Kafka producer maps a key to a partition.
	 */
	public enum Partitioner {

		/**
		 * CRC32 of the framed key, as librdkafka's consistent_random: a key lands on the same partition as when a
		 * Python service sends it, so per-key order holds across languages.
		 */
		CRC32,

		/**
		 * The Java client's murmur2 default partitioner.
		 */
		KAFKA_DEFAULT

	}

	public static class Redis {

		/**
		 * Approximate maximum length of each stream (XADD MAXLEN ~); older entries are trimmed.
		 */
		private long streamMaxLen = 10000;

		private final RedisConsumer consumer = new RedisConsumer();

		public long getStreamMaxLen() {
			return this.streamMaxLen;
		}

		public void setStreamMaxLen(long streamMaxLen) {
			this.streamMaxLen = streamMaxLen;
		}

		public RedisConsumer getConsumer() {
			return this.consumer;
		}

	}

	public static class RedisConsumer {

		/**
		 * Consumer name within the group. Defaults to the host name.
		 */
		private @Nullable String name;

		/**
		 * How long one XREADGROUP blocks waiting for entries.
		 */
		private Duration block = Duration.ofSeconds(1);

		/**
		 * Most entries read by one XREADGROUP.
		 */
		private int batchSize = 10;

		/**
		 * Claim entries other consumers of the group left pending for at least this long (XAUTOCLAIM).
		 */
		private Duration claimMinIdle = Duration.ofMinutes(5);

		/**
		 * How often a worker looks for entries to claim.
		 */
		private Duration claimInterval = Duration.ofSeconds(30);

		/**
		 * Approximate maximum length of each dead-letter stream (XADD MAXLEN ~), so that a flood of bad entries
		 * cannot fill Redis; 0 never trims it.
		 */
		private long deadLetterMaxLen = 100_000;

		/**
		 * Whether a starting worker resumes from its group's position. When false, the group jumps to the end of the
		 * stream at each start, skipping what arrived while it was down (the Python default).
		 */
		private boolean checkBacklog = true;

		/**
		 * Replay the entries after this stream id at each start (XGROUP SETID), for example "1679676448892-0".
		 */
		private @Nullable String lastReadMsgId;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public Duration getBlock() {
			return this.block;
		}

		public void setBlock(Duration block) {
			this.block = block;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getClaimMinIdle() {
			return this.claimMinIdle;
		}

		public void setClaimMinIdle(Duration claimMinIdle) {
			this.claimMinIdle = claimMinIdle;
		}

		public Duration getClaimInterval() {
			return this.claimInterval;
		}

		public void setClaimInterval(Duration claimInterval) {
			this.claimInterval = claimInterval;
		}

		public long getDeadLetterMaxLen() {
			return this.deadLetterMaxLen;
		}

		public void setDeadLetterMaxLen(long deadLetterMaxLen) {
			this.deadLetterMaxLen = deadLetterMaxLen;
		}

		public boolean isCheckBacklog() {
			return this.checkBacklog;
		}

		public void setCheckBacklog(boolean checkBacklog) {
			this.checkBacklog = checkBacklog;
		}

		public @Nullable String getLastReadMsgId() {
			return this.lastReadMsgId;
		}

		public void setLastReadMsgId(@Nullable String lastReadMsgId) {
			this.lastReadMsgId = lastReadMsgId;
		}

	}

	public static class Monitoring {

		/**
		 * How often each worker's consumer lag and pending entries are read from the broker, for the metrics, the
		 * health contributor and the eventbus endpoint.
		 */
		private Duration lagInterval = Duration.ofSeconds(30);

		/**
		 * Timeout of each broker, schema registry and lag check.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * How long a running worker with lag or pending entries may go without handling or failing a message before
		 * its health reads stuck (DOWN).
		 */
		private Duration stuckAfter = Duration.ofMinutes(5);

		/**
		 * Share of a Redis stream counted as near its trim point: a group whose oldest unhandled entry lies within it
		 * while the stream is being trimmed reads trim-risk (DOWN).
		 */
		private double trimRiskMargin = 0.1;

		public Duration getLagInterval() {
			return this.lagInterval;
		}

		public void setLagInterval(Duration lagInterval) {
			this.lagInterval = lagInterval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getStuckAfter() {
			return this.stuckAfter;
		}

		public void setStuckAfter(Duration stuckAfter) {
			this.stuckAfter = stuckAfter;
		}

		public double getTrimRiskMargin() {
			return this.trimRiskMargin;
		}

		public void setTrimRiskMargin(double trimRiskMargin) {
			this.trimRiskMargin = trimRiskMargin;
		}

	}

	public static class Jdbc {

		/**
		 * When to create the outbox and inbox tables at startup: for embedded databases (H2, HSQLDB, Derby), always
		 * (the scripts are idempotent), or never (Flyway, Liquibase or a DBA creates them from the shipped scripts).
		 */
		private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

		/**
		 * Platform of the schema scripts to run ("postgresql", "mysql" or "h2"). Detected from the DataSource when not
		 * set; MariaDB uses the "mysql" scripts.
		 */
		private @Nullable String platform;

		public SchemaInitialization getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(SchemaInitialization initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public @Nullable String getPlatform() {
			return this.platform;
		}

		public void setPlatform(@Nullable String platform) {
			this.platform = platform;
		}

	}

	/**
	 * When the event bus's tables are created (Spring Boot's own modes; the library does not need spring-boot-sql
	 * unless the tables are created).
	 */
	public enum SchemaInitialization {

		/**
		 * Only for an embedded database.
		 */
		EMBEDDED,

		/**
		 * Always; the scripts create only what is missing.
		 */
		ALWAYS,

		/**
		 * Never: the application creates the tables (Flyway, Liquibase).
		 */
		NEVER

	}

	public static class Tracing {

		/**
		 * Whether sends and listener calls are observed with Micrometer Observation, which makes spans and carries the
		 * trace context in a traceparent header or field when tracing is on. Defaults to on when a Micrometer Tracer
		 * is present.
		 */
		private @Nullable Boolean enabled;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

	}

}
