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

package dev.openedx.eventbus.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/**
 * Waits until the consumer's workers are actually consuming, asking the broker rather than the service: a service
 * is healthy as soon as its workers started, but a Kafka worker receives nothing until its group has been joined and
 * partitions assigned (about a second), and publishing before that would show the join in every latency.
 *
 * @since 0.1.0
 */
final class ConsumerReadiness {

	/**
	 * The consumer groups of the catalog sample's workers ({@code eventbus.consumer.workers} in its
	 * {@code application.yml}), with their topics.
	 */
	static final Map<String, String> CATALOG_GROUPS = Map.of("catalog-enrollments",
			"learning-course-enrollment-lifecycle", "catalog-course-info", "course-catalog-info-changed");

	private ConsumerReadiness() {
	}

	/**
	 * Wait until every group is stable with partitions assigned to each member.
	 * @param bootstrapServers the broker
	 * @param timeout how long to wait
	 * @return how long it took
	 */
	static Duration awaitKafkaGroups(String bootstrapServers, Duration timeout) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		String last = "not asked yet";
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			while (System.nanoTime() < deadline) {
				try {
					Map<String, ConsumerGroupDescription> groups = admin
						.describeConsumerGroups(List.copyOf(CATALOG_GROUPS.keySet()))
						.all()
						.get(5, TimeUnit.SECONDS);
					if (groups.values().stream().allMatch(ConsumerReadiness::consuming)) {
						return Duration.ofNanos(System.nanoTime() - started);
					}
					last = groups.values()
						.stream()
						.map((group) -> group.groupId() + " " + group.groupState())
						.toList()
						.toString();
				}
				catch (ExecutionException | TimeoutException ex) {
					last = ex.getMessage();
				}
				SampleService.sleep(Duration.ofMillis(200));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DemoException("Interrupted");
		}
		throw new DemoException("catalog's consumer groups were not consuming within " + timeout.toSeconds()
				+ " s: " + last);
	}

	/**
	 * Wait until every group exists on its (prefixed) stream.
	 * @param redis the demo's Redis connection
	 * @param prefix the topic prefix
	 * @param timeout how long to wait
	 * @return how long it took
	 */
	static Duration awaitRedisGroups(RedisStreams redis, String prefix, Duration timeout) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			boolean all = CATALOG_GROUPS.entrySet()
				.stream()
				.allMatch((group) -> redis.hasGroup(prefix + "-" + group.getValue(), group.getKey()));
			if (all) {
				return Duration.ofNanos(System.nanoTime() - started);
			}
			SampleService.sleep(Duration.ofMillis(200));
		}
		throw new DemoException("catalog's consumer groups did not appear on their streams within "
				+ timeout.toSeconds() + " s");
	}

	private static boolean consuming(ConsumerGroupDescription group) {
		return group.groupState() == GroupState.STABLE && !group.members().isEmpty()
				&& group.members().stream().map(MemberDescription::assignment).allMatch(
						(assignment) -> !assignment.topicPartitions().isEmpty());
	}

}
