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

package dev.openedx.eventbus.command;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.redis.LocalRedis;
import dev.openedx.eventbus.redis.RedisTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code produce-event} in bulk on the build's redis-server: thousands of events from a JSON-lines file or standard
 * input, pipelined, all on the stream in input order, failed lines reported with their number.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProduceEventBulkRedisTests {

	@LocalRedis
	private RedisTestSupport redis;

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

	private final EventJson json = new EventJson(OpenEdxCatalog.catalog());

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					EventBusRedisAutoConfiguration.class, EventBusAutoConfiguration.class))
			.withPropertyValues("eventbus.service-name=studio", "eventbus.transport=redis",
					"eventbus.audit-logging.enabled=false",
					"spring.data.redis.url=redis://127.0.0.1:" + this.redis.port());
	}

	@Test
	void sendsEveryDataLineOfAFileInOrder(@TempDir Path directory) throws Exception {
		String stream = this.redis.uniqueStream("bulk-file");
		Path file = Files.write(directory.resolve("events.jsonl"),
				BulkLines.dataLines(ProduceEventBulkKafkaTests.EVENTS));
		assertThat(run(InputStream.nullInputStream(), "-t", stream, "-d", "@" + file)).isZero();
		assertThat(BulkLines.usageKeys(this.json, lines()))
			.containsExactlyElementsOf(BulkLines.usageKeys(ProduceEventBulkKafkaTests.EVENTS));
		assertThat(streamIds(stream)).containsExactlyElementsOf(printedIds());
	}

	@Test
	void sendsEveryWholeEventLineFromStandardInputWithItsMetadata() throws Exception {
		String stream = this.redis.uniqueStream("bulk-stdin");
		List<OpenEdxEvent<?>> events = BulkLines.events(ProduceEventBulkKafkaTests.EVENTS);
		byte[] input = BulkLines.wholeEventLines(this.json, events);
		assertThat(run(new ByteArrayInputStream(input), "-t", stream, "-d", "-")).isZero();
		List<String> ids = events.stream().map((event) -> event.metadata().id().toString()).toList();
		assertThat(printedIds()).containsExactlyElementsOf(ids);
		assertThat(streamIds(stream)).containsExactlyElementsOf(ids);
	}

	@Test
	void reportsEachLineThatIsNotAnEventSendsTheOthersAndExitsWithOne(CapturedOutput output) {
		String stream = this.redis.uniqueStream("bulk-failures");
		List<String> lines = new ArrayList<>(BulkLines.dataLines(1_000));
		lines.set(16, BulkLines.unknownEventTypeLine());
		lines.set(299, "not json");
		byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
		assertThat(run(new ByteArrayInputStream(input), "-t", stream, "-d", "-")).isEqualTo(1);
		assertThat(output.getOut() + output.getErr()).contains("Line 17 is not a valid event, not sent to " + stream)
			.contains("org.acme.unknown.v1")
			.contains("Line 300 is not a valid event")
			.contains("Sent 998 of 1000 events");
		assertThat(streamIds(stream)).hasSize(998).containsExactlyElementsOf(printedIds());
	}

	private int run(InputStream stdin, String... args) {
		List<String> all = new ArrayList<>(List.of("produce-event", "-s", BulkLines.TYPE.type()));
		all.addAll(List.of(args));
		int[] status = new int[1];
		contextRunner()
			.withBean(EventBusCommandLine.class,
					() -> EventBusCommandLine
						.parse(all.toArray(String[]::new), stdin,
								new PrintStream(this.stdout, true, StandardCharsets.UTF_8))
						.orElseThrow())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				status[0] = context.getBean(EventBusCommandRunner.class).runCommand();
			});
		return status[0];
	}

	private List<String> lines() {
		String text = this.stdout.toString(StandardCharsets.UTF_8);
		return text.isEmpty() ? List.of() : List.of(text.split("\n"));
	}

	private List<String> printedIds() {
		return lines().stream().map((line) -> this.json.fromJson(line).metadata().id().toString()).toList();
	}

	private List<String> streamIds(String stream) {
		LettuceConnectionFactory factory = RedisTestSupport.connectionFactory(this.redis.port());
		try {
			return new StringRedisTemplate(factory).opsForStream()
				.range(stream, Range.unbounded())
				.stream()
				.map((entry) -> String.valueOf(entry.getValue().get("id")))
				.toList();
		}
		finally {
			factory.destroy();
		}
	}

}
