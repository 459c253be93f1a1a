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

package dev.openedx.eventbus.actuate.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.monitor.GroupBacklog;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ready-made monitoring in {@code docs/monitoring} against the meters: every alert rule is well formed, and every
 * metric and label the rules and the dashboard query is one the event bus exports to Prometheus (scraped from a
 * Prometheus registry fed by every meter, with the handling histogram switched on as
 * {@code management.metrics.distribution.percentiles-histogram} does).
 */
class MonitoringRulesTests {

	private static final Path MONITORING = Path.of("..", "docs", "monitoring");

	private static final Pattern METRIC = Pattern.compile("\\beventbus_[a-z_]+");

	private static final Pattern BY = Pattern.compile("\\bby \\(([^)]*)\\)");

	private static final Set<String> PROMETHEUS_LABELS = Set.of("job", "instance", "le");

	private static final Set<String> names = new HashSet<>();

	private static final Set<String> labels = new HashSet<>();

	@BeforeAll
	static void scrapeEveryMeter() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		registry.config().meterFilter(new MeterFilter() {
			@Override
			public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
				return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
			}
		});
		EventType<Book> type = EventType.of("org.acme.book.loaned.v1", "book", Book.class);
		EventRoute route = new EventRoute(type, "loans", "book.isbn", true);
		EventBusProducerMetrics producer = new EventBusProducerMetrics(registry, new EventRoutes(List.of(route)),
				"redis");
		OpenEdxEvent<Book> event = type.event(new Book("isbn"));
		producer.sent(route, event, new SendReceipt("redis", "loans", "1-0", UUID.randomUUID()), 1000);
		producer.failed(route, event, new IllegalStateException("down"));

		ConsumerSettings worker = ConsumerSettings.defaults("redis", "loans", "reports").withName("loans");
		EventBusConsumerMetrics consumer = new EventBusConsumerMetrics(registry, EventCatalog.of(List.of(type)));
		InboundMessage message = new Message(type.type());
		consumer.stateChanged(worker, ConsumerState.NEW, ConsumerState.RUNNING, null);
		consumer.handled(worker, message, event, 2_000_000);
		consumer.failed(worker, message, new ConsumeFailureException(FailureKind.HANDLER_ERROR, "failed"));
		consumer.retrying(worker, message, new IllegalStateException("again"), 1);
		consumer.pollFailed(worker, new IllegalStateException("no broker"));
		consumer.lost(worker, "trimmed_before_read", 3);

		EventBusConsumerRegistry workers = new Workers(new Worker(worker));
		BacklogMonitor monitor = new BacklogMonitor(workers, new Probe(), Duration.ofMinutes(1), Duration.ofSeconds(1));
		monitor.refresh();
		new EventBusWorkerMetrics(workers, monitor).bindTo(registry);

		for (String line : registry.scrape().split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int brace = line.indexOf('{');
			names.add(line.substring(0, (brace >= 0) ? brace : line.indexOf(' ')));
			Matcher label = Pattern.compile("([a-z_]+)=\"").matcher((brace >= 0) ? line.substring(brace) : "");
			while (label.find()) {
				labels.add(label.group(1));
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertRuleIsWellFormedAndQueriesExportedMetricsAndLabels() throws Exception {
		Map<String, Object> rules = new Yaml()
			.load(Files.readString(MONITORING.resolve("eventbus-alerts.yml")));
		List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
		assertThat(groups).isNotEmpty();
		List<String> alerts = new ArrayList<>();
		for (Map<String, Object> group : groups) {
			assertThat(group.get("name")).isInstanceOf(String.class);
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				String alert = (String) rule.get("alert");
				alerts.add(alert);
				assertThat(alert).as("alert name").matches("EventBus[A-Za-z]+");
				assertThat(rule.get("for")).as(alert).asString().matches("\\d+[smh]");
				assertThat(((Map<String, Object>) rule.get("labels")).get("severity")).as(alert)
					.isIn("warning", "critical");
				Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
				assertThat(annotations).as(alert).containsKeys("summary", "description");
				assertQueriesExportedNames(alert, (String) rule.get("expr"));
			}
		}
		assertThat(alerts).doesNotHaveDuplicates()
			.contains("EventBusNoEventsProduced", "EventBusNoEventsConsumed", "EventBusConsumerErrorRate",
					"EventBusSlowHandling", "EventBusConsumerLag", "EventBusRedisEntriesLost");
	}

	@Test
	void everyDashboardQueryUsesExportedMetricsAndLabels() throws Exception {
		JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("eventbus-dashboard.json").toFile());
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : dashboard.get("panels")) {
			for (JsonNode target : panel.get("targets")) {
				expressions.add(target.get("expr").asText());
			}
		}
		assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
		for (String expression : expressions) {
			assertQueriesExportedNames(expression, expression);
		}
	}

	private static void assertQueriesExportedNames(String what, String expression) {
		Matcher metric = METRIC.matcher(expression);
		int found = 0;
		while (metric.find()) {
			found++;
			assertThat(names).as("metric of " + what).contains(metric.group());
		}
		assertThat(found).as("metrics in " + what).isPositive();
		Matcher by = BY.matcher(expression);
		while (by.find()) {
			for (String label : by.group(1).split(",")) {
				String name = label.strip();
				if (!PROMETHEUS_LABELS.contains(name)) {
					assertThat(labels).as("label of " + what).contains(name);
				}
			}
		}
	}

	record Book(String isbn) {
	}

	private record Message(String type) implements InboundMessage {

		@Override
		public String coordinates() {
			return "loans@1-0";
		}

		@Override
		public @Nullable String key() {
			return null;
		}

		@Override
		public @Nullable String eventId() {
			return null;
		}

		@Override
		public String eventType() {
			return this.type;
		}

	}

	private record Worker(ConsumerSettings settings) implements EventBusConsumer {

		@Override
		public String name() {
			return this.settings.name();
		}

		@Override
		public void start() {
		}

		@Override
		public void stop(Duration timeout) {
		}

		@Override
		public ConsumerStatus status() {
			return new ConsumerStatus(name(), "redis", "loans", "reports", ConsumerState.RUNNING, 1, Map.of(), 0, 0,
					null, null, null, Instant.now());
		}

		@Override
		public CompletableFuture<ConsumerState> termination() {
			return new CompletableFuture<>();
		}

	}

	private record Workers(EventBusConsumer worker) implements EventBusConsumerRegistry {

		@Override
		public List<EventBusConsumer> getConsumers() {
			return List.of(this.worker);
		}

		@Override
		public EventBusConsumer stopConsumer(String name) {
			return this.worker;
		}

		@Override
		public EventBusConsumer startConsumer(String name) {
			return this.worker;
		}

	}

	private static final class Probe implements BrokerProbe {

		@Override
		public String transport() {
			return "redis";
		}

		@Override
		public String ping(Duration timeout) {
			return "PONG";
		}

		@Override
		public GroupBacklog backlog(String destination, String group, Duration timeout) {
			return new GroupBacklog(Instant.now(), 3L, 1L, null);
		}

	}

}
