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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.openedx.eventbus.kafka.KafkaDeadLetterRecoverer;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;


import static org.awaitility.Awaitility.await;

/**
 * The Spring integration over Kafka: an in-process KRaft broker and an in-process Confluent-compatible registry.
 */
class EventBusKafkaIntegrationTests extends EndToEndTests {

	@KafkaBroker
	private static EmbeddedKafkaBroker broker;

	@SchemaRegistry
	private static InMemorySchemaRegistry registry;

	@Override
	ApplicationContextRunner service(String serviceName) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
					EventBusAutoConfiguration.class))
			.withPropertyValues("spring.application.name=" + serviceName,
					"spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
					"eventbus.kafka.schema-registry.url=" + registry.url(), "eventbus.consumer.shutdown-timeout=10s");
	}

	@Override
	String uniqueTopic(String purpose) {
		return "it-" + purpose + "-" + UUID.randomUUID();
	}

	@Override
	void createTopic(String topic, int partitions) {
		broker.createTopics(partitions, topic);
	}

	@Override
	void awaitMembersAssigned(String group, int members) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
					.describedGroups()
					.get(group)
					.get();
				return description.members().size() == members && description.members()
					.stream()
					.allMatch((member) -> !member.assignment().topicPartitions().isEmpty());
			});
		}
	}

	@Override
	boolean concurrentConsumersKeepKeyOrder() {
		return true;
	}

	@Override
	List<String> deadLetterKinds(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> kinds = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic + KafkaDeadLetterRecoverer.TOPIC_SUFFIX));
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(5))) {
				Header kind = record.headers().lastHeader(KafkaDeadLetterRecoverer.FAILURE_KIND_HEADER);
				kinds.add((kind != null) ? new String(kind.value(), StandardCharsets.UTF_8) : "none");
			}
		}
		return kinds;
	}

}
