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

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Exit;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node, in-process KRaft Kafka broker for tests, the development services and the demo: a thin launcher
 * around spring-kafka-test's {@link EmbeddedKafkaKraftBroker}, usable without a Spring context or JUnit extension.
 * Topics not created up front are created on first use with the default partition count. The broker binds to
 * {@code localhost} on a random port and deletes its log directory when closed (close it: a JVM that exits without
 * closing it leaves the directory, because deleting it at exit would pull it from under the running broker).
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

	/** The name Kafka's test kit gives the JVM shutdown hooks that delete its data directories. */
	private static final String DELETE_DATA_HOOK = "delete-temp-file-shutdown-hook";

	/** Kafka's storage formatter prints these to standard output, with no way to give it another stream. */
	private static final List<String> FORMATTER_LINES = List.of("Bootstrap metadata:", "Formatting metadata directory");

	private static final LogAccessor logger = new LogAccessor(EmbeddedKafkaBroker.class);

	/** Held while a broker starts: the hook and output redirections below are global to the JVM. */
	private static final Object starting = new Object();

	private final EmbeddedKafkaKraftBroker broker;

	private final int partitions;

	private final List<Runnable> dataDeletions = new ArrayList<>();

	private EmbeddedKafkaBroker(int partitions, Map<String, String> brokerProperties, String... topics) {
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
		}
		this.partitions = partitions;
		this.broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
		this.broker.brokerListProperty(BOOTSTRAP_SERVERS_PROPERTY);
		this.broker.brokerProperties(brokerProperties);
		synchronized (starting) {
			// Kafka's test kit registers a JVM shutdown hook that deletes the broker's data directory. On SIGTERM it
			// runs at the same time as the application's own shutdown, which stops this broker: the broker then
			// finds its log directory gone and logs ERROR lines. Keep those deletions for close(), after the broker
			// stopped (the test kit deletes the directory on close anyway; they only make sure).
			Exit.setShutdownHookAdder((name, hook) -> {
				if (DELETE_DATA_HOOK.equals(name)) {
					this.dataDeletions.add(hook);
				}
				else {
					Runtime.getRuntime().addShutdownHook(new Thread(hook, name));
				}
			});
			PrintStream out = System.out;
			LineFilter formatterOutput = new LineFilter(out);
			System.setOut(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8));
			try {
				this.broker.afterPropertiesSet();
			}
			finally {
				System.setOut(out);
				formatterOutput.finish();
				Exit.resetShutdownHookAdder();
			}
		}
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
		this.dataDeletions.forEach(Runnable::run);
		this.dataDeletions.clear();
	}

	/**
	 * Standard output while a broker starts: the storage formatter's lines go to the DEBUG log, every other line
	 * (another thread's) goes on to standard output.
	 */
	private static final class LineFilter extends OutputStream {

		private final PrintStream target;

		private final ByteArrayOutputStream line = new ByteArrayOutputStream();

		LineFilter(PrintStream target) {
			this.target = target;
		}

		@Override
		public synchronized void write(int b) {
			this.line.write(b);
			if (b == '\n') {
				finish();
			}
		}

		/** Pass on or log what was written since the last line: a flush mid-line (println flushes) waits. */
		synchronized void finish() {
			if (this.line.size() == 0) {
				return;
			}
			String text = this.line.toString(StandardCharsets.UTF_8);
			this.line.reset();
			if (FORMATTER_LINES.stream().anyMatch(text::startsWith)) {
				logger.debug(() -> text.strip());
			}
			else {
				this.target.print(text);
				this.target.flush();
			}
		}

	}

}
