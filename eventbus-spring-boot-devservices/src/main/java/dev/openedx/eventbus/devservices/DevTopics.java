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

package dev.openedx.eventbus.devservices;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.openedx.eventbus.autoconfigure.EventBusProperties;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.event.TopicNames;
import dev.openedx.eventbus.kafka.KafkaDeadLetterRecoverer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * The topics a service sends to and consumes, created on the development broker before the service's own clients
 * start, and the broker's offsets topic: on a first start, topics created on first use make the clients log
 * {@code UNKNOWN_TOPIC_OR_PARTITION} (a consumer subscribing before the producer wrote) and the broker log
 * {@code TOPIC_ALREADY_EXISTS} (two clients creating the same topic at once), warnings a new user would have to learn
 * to ignore.
 */
final class DevTopics {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String COORDINATOR_PROBE_GROUP = "eventbus-dev-services";

	private DevTopics() {
	}

	/**
	 * The full names of the routed topics, the workers' topics and, with the dead-letter policy, their dead-letter
	 * topics.
	 * @param binder the environment's binder
	 * @return the topic names, empty when the event bus settings do not bind (the application reports why)
	 */
	static Set<String> of(Binder binder) {
		EventBusProperties properties;
		try {
			properties = binder.bind("eventbus", EventBusProperties.class).orElseGet(EventBusProperties::new);
		}
		catch (RuntimeException ex) {
			return Set.of();
		}
		String prefix = properties.getTopicPrefix();
		Set<String> topics = new LinkedHashSet<>();
		properties.getProducer().getEvents().values().forEach((byTopic) -> {
			if (byTopic != null) {
				byTopic.keySet().forEach((topic) -> topics.add(TopicNames.fullName(prefix, topic)));
			}
		});
		boolean deadLetters = properties.getConsumer().getFailurePolicy() == FailurePolicy.DEAD_LETTER;
		properties.getConsumer().getWorkers().values().forEach((worker) -> {
			if (worker.getTopic() != null && !worker.getTopic().isBlank()) {
				String topic = TopicNames.fullName(prefix, worker.getTopic());
				topics.add(topic);
				if (deadLetters) {
					topics.add(topic + KafkaDeadLetterRecoverer.TOPIC_SUFFIX);
				}
			}
		});
		return topics;
	}

	/**
	 * Create the topics that do not exist yet.
	 * @param bootstrapServers the development broker
	 * @param topics the full topic names
	 * @param partitions the partition count of each new topic
	 * @return the topics created now
	 * @throws IllegalStateException when the broker did not create them in time
	 */
	static List<String> create(String bootstrapServers, Set<String> topics, int partitions) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			// The broker creates its offsets topic when a group first asks for its coordinator; two workers asking at
			// once make it log TOPIC_ALREADY_EXISTS. One question now, before the service's workers start, settles it.
			try {
				admin.describeConsumerGroups(List.of(COORDINATOR_PROBE_GROUP))
					.all()
					.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				// The coordinator answered that the group does not exist: the offsets topic is there.
				if (!(ex.getCause() instanceof GroupIdNotFoundException)) {
					throw ex;
				}
			}
			if (topics.isEmpty()) {
				return List.of();
			}
			Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			List<NewTopic> missing = topics.stream()
				.filter((topic) -> !existing.contains(topic))
				.map((topic) -> new NewTopic(topic, partitions, (short) 1))
				.toList();
			for (KafkaFuture<Void> created : admin.createTopics(missing).values().values()) {
				try {
					created.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (ExecutionException ex) {
					// Another service of this machine created it a moment ago: just as good.
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw ex;
					}
				}
			}
			return missing.stream().map(NewTopic::name).toList();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Event bus dev services: could not create the topics " + topics
					+ " on the development broker at " + bootstrapServers + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating the development topics", ex);
		}
	}

}
