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

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.monitor.BrokerUnreachableException;
import dev.openedx.eventbus.monitor.GroupBacklog;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

/**
 * Monitors Kafka with an admin client: the cluster answers ({@code describeCluster}), and a group's lag on a topic,
 * the sum over partitions of the end offset minus the group's committed offset (minus the log start offset for a
 * partition the group committed nothing on yet). The admin client is created on first use and closed with the probe.
 * <pre class="code">
 * KafkaBrokerProbe probe = new KafkaBrokerProbe(Map.of("bootstrap.servers", "kafka:9092"));
 * long lag = probe.backlog("stage-enrollments", "discovery", Duration.ofSeconds(2)).lag();
 * </pre>
 *
 * @since 0.1.0
 */
public final class KafkaBrokerProbe implements BrokerProbe, AutoCloseable {

	private final Supplier<Admin> adminFactory;

	private final String bootstrapServers;

	private final Map<String, Object> details;

	private final Object lock = new Object();

	private volatile @Nullable Admin admin;

	private volatile boolean closed;

	/**
	 * Create a probe from admin client settings (at least {@code bootstrap.servers}).
	 * @param adminConfig the settings, for example Spring Boot's {@code KafkaProperties.buildAdminProperties()}
	 */
	public KafkaBrokerProbe(Map<String, Object> adminConfig) {
		this(adminConfig, Map.of());
	}

	/**
	 * Create a probe from admin client settings, with details for health besides the broker's address.
	 * @param adminConfig the settings, at least {@code bootstrap.servers}
	 * @param details what health shows besides the address, for example where the address came from; never secrets
	 */
	public KafkaBrokerProbe(Map<String, Object> adminConfig, Map<String, ?> details) {
		Map<String, Object> config = Map.copyOf(adminConfig);
		this.adminFactory = () -> Admin.create(config);
		Object servers = config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
		this.bootstrapServers = (servers instanceof Collection<?> list)
				? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(servers);
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("bootstrapServers", this.bootstrapServers);
		shown.putAll(details);
		this.details = Collections.unmodifiableMap(shown);
	}

	@Override
	public String transport() {
		return "kafka";
	}

	@Override
	public Map<String, Object> details() {
		return this.details;
	}

	@Override
	public String ping(Duration timeout) throws Exception {
		try {
			DescribeClusterResult cluster = admin()
				.describeCluster(new DescribeClusterOptions().timeoutMs(millis(timeout)));
			String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
			return "cluster " + clusterId + ", " + nodes + ((nodes == 1) ? " broker" : " brokers");
		}
		catch (TimeoutException | ExecutionException ex) {
			throw unreachable(ex, timeout);
		}
	}

	@Override
	public GroupBacklog backlog(String destination, String group, Duration timeout) throws Exception {
		try {
			return readBacklog(destination, group, timeout);
		}
		catch (TimeoutException | ExecutionException ex) {
			throw unreachable(ex, timeout);
		}
	}

	/**
	 * A timeout (ours, or the admin client's own {@code Timed out waiting for a node assignment}) means the broker
	 * did not answer: say where it was looked for, instead of Kafka's {@code TimeoutException: null}.
	 */
	private Exception unreachable(Exception ex, Duration timeout) {
		Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
		if (!(cause instanceof TimeoutException)
				&& !(cause instanceof org.apache.kafka.common.errors.TimeoutException)) {
			return ex;
		}
		String detail = (cause.getMessage() != null) ? " (" + cause.getMessage() + ")" : "";
		return new BrokerUnreachableException("No answer from the Kafka broker at " + this.bootstrapServers
				+ " within " + timeout.toMillis() + " ms" + detail, cause);
	}

	private GroupBacklog readBacklog(String destination, String group, Duration timeout) throws Exception {
		Admin client = admin();
		long deadline = System.nanoTime() + timeout.toNanos();
		TopicDescription topic;
		try {
			topic = client.describeTopics(List.of(destination), new DescribeTopicsOptions().timeoutMs(millis(timeout)))
				.allTopicNames()
				.get(remaining(deadline), TimeUnit.MILLISECONDS)
				.get(destination);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				// Nothing was ever written: nothing to catch up on.
				return new GroupBacklog(Instant.now(), 0L, null, null);
			}
			throw ex;
		}
		Map<TopicPartition, OffsetAndMetadata> committed = client
			.listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().timeoutMs(millis(timeout)))
			.partitionsToOffsetAndMetadata()
			.get(remaining(deadline), TimeUnit.MILLISECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		topic.partitions().forEach((partition) -> {
			TopicPartition tp = new TopicPartition(destination, partition.partition());
			latest.put(tp, OffsetSpec.latest());
			if (committed.get(tp) == null) {
				earliest.put(tp, OffsetSpec.earliest());
			}
		});
		Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(client, latest, timeout, deadline);
		Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(client, earliest, timeout, deadline);
		long lag = 0;
		for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
			OffsetAndMetadata position = committed.get(end.getKey());
			long from = (position != null) ? position.offset() : starts.get(end.getKey()).offset();
			lag += Math.max(0, end.getValue().offset() - from);
		}
		return new GroupBacklog(Instant.now(), lag, null, null);
	}

	private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin client,
			Map<TopicPartition, OffsetSpec> query, Duration timeout, long deadline) throws Exception {
		if (query.isEmpty()) {
			return Map.of();
		}
		return client.listOffsets(query, new ListOffsetsOptions().timeoutMs(millis(timeout)))
			.all()
			.get(remaining(deadline), TimeUnit.MILLISECONDS);
	}

	private Admin admin() {
		Admin current = this.admin;
		if (current != null) {
			return current;
		}
		synchronized (this.lock) {
			if (this.closed) {
				throw new IllegalStateException("The Kafka broker probe is closed");
			}
			if (this.admin == null) {
				this.admin = this.adminFactory.get();
			}
			return Objects.requireNonNull(this.admin);
		}
	}

	private static int millis(Duration timeout) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
	}

	private static long remaining(long deadline) {
		return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			Admin current = this.admin;
			this.admin = null;
			if (current != null) {
				current.close(Duration.ofSeconds(5));
			}
		}
	}

}
