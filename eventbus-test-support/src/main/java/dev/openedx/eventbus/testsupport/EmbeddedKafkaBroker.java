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

package dev.openedx.eventbus.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node, in-process KRaft Kafka broker for tests, the development services and the demo: a thin launcher
 * around spring-kafka-test's {@link EmbeddedKafkaKraftBroker}, usable without a Spring context or JUnit extension.
 * Topics not created up front are created on first use with the default partition count. The broker binds to
 * {@code localhost} on a random port and deletes its log directory when closed.
 * <pre class="code">
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3, "enrollments")) {
 *     Map&lt;String, Object&gt; config = Map.of("bootstrap.servers", broker.bootstrapServers());
 *     ...
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

	/**
	 * System property set to the bootstrap servers of the last broker started (spring-kafka-test also sets
	 * {@code spring.embedded.kafka.brokers}). Not {@code spring.kafka.bootstrap-servers}, which spring-kafka-test would
	 * set by default and which would silently redirect every Spring application in the JVM.
	 */
	public static final String BOOTSTRAP_SERVERS_PROPERTY = "eventbus.embedded.kafka.bootstrap-servers";

	private final EmbeddedKafkaKraftBroker broker;

	private final int partitions;

	private EmbeddedKafkaBroker(int partitions, Map<String, String> brokerProperties, String... topics) {
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
		}
		this.partitions = partitions;
		this.broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
		this.broker.brokerListProperty(BOOTSTRAP_SERVERS_PROPERTY);
		this.broker.brokerProperties(brokerProperties);
		this.broker.afterPropertiesSet();
	}

	/**
	 * Start a broker whose topics get the given number of partitions, creating the given topics now.
	 * @param partitions partitions of every topic created now or on first use
	 * @param topics topics to create now
	 * @return the running broker, never {@code null}
	 */
	public static EmbeddedKafkaBroker start(int partitions, String... topics) {
		return new EmbeddedKafkaBroker(partitions, Map.of(), topics);
	}

	/**
	 * Start a broker with extra broker settings, for example {@code group.min.session.timeout.ms}.
	 * @param partitions partitions of every topic created now or on first use
	 * @param brokerProperties broker settings
	 * @param topics topics to create now
	 * @return the running broker, never {@code null}
	 */
	public static EmbeddedKafkaBroker start(int partitions, Map<String, String> brokerProperties, String... topics) {
		return new EmbeddedKafkaBroker(partitions, new LinkedHashMap<>(brokerProperties), topics);
	}

	/**
	 * The address clients connect to.
	 * @return the {@code bootstrap.servers} value, for example {@code localhost:41523}
	 */
	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	/**
	 * The partition count of topics created without an explicit one.
	 * @return the default partition count
	 */
	public int partitions() {
		return this.partitions;
	}

	/**
	 * Create topics with the default partition count and wait until they exist.
	 * @param topics the topic names
	 */
	public void createTopics(String... topics) {
		createTopics(this.partitions, topics);
	}

	/**
	 * Create topics with the given partition count and wait until they exist.
	 * @param partitions the partition count
	 * @param topics the topic names
	 */
	public void createTopics(int partitions, String... topics) {
		NewTopic[] newTopics = new NewTopic[topics.length];
		for (int i = 0; i < topics.length; i++) {
			newTopics[i] = new NewTopic(Objects.requireNonNull(topics[i], "topic must not be null"), partitions,
					(short) 1);
		}
		this.broker.addTopics(newTopics);
	}

	/**
	 * Stop the broker and delete its data.
	 */
	@Override
	public void close() {
		this.broker.destroy();
	}

}
