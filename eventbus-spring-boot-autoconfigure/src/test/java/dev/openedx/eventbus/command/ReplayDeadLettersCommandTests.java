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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.DeadLetterReplayer;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.kafka.KafkaDeadLetterReplayer;
import dev.openedx.eventbus.redis.LocalRedis;
import dev.openedx.eventbus.redis.RedisDeadLetterRecoverer;
import dev.openedx.eventbus.redis.RedisDeadLetterReplayer;
import dev.openedx.eventbus.redis.RedisStreamMessage;
import dev.openedx.eventbus.redis.RedisTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code replay-dead-letters}: its command line, and the command run by the runner of an application on the build's
 * redis-server (the prefix applied to {@code -t}, one JSON line per selected dead letter, exit statuses).
 */
class ReplayDeadLettersCommandTests {

	private static final String PREFIX = "eventbus-test";

	@LocalRedis
	private RedisTestSupport redis;

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate template;

	private String topic;

	private String stream;

	@BeforeEach
	void setUp() {
		this.connectionFactory = RedisTestSupport.connectionFactory(this.redis.port());
		this.template = new StringRedisTemplate(this.connectionFactory);
		this.stream = this.redis.uniqueStream("replay-command");
		this.topic = this.stream.substring(PREFIX.length() + 1);
	}

	@AfterEach
	void tearDown() {
		this.template.delete(new RedisDeadLetterReplayer(this.connectionFactory, 0).replayRecordKey(this.stream));
		this.connectionFactory.destroy();
	}

	@Test
	void theCommandLineTakesIdsTimesGroupAndFlags() {
		CommandArguments.ReplayDeadLetters arguments = (CommandArguments.ReplayDeadLetters) commandLine(
				"replay-dead-letters", "-t", "orders", "--ids", "0@1, 3@9", "--ids", "a-b", "-g", "billing",
				"--since", "2026-01-08T06:46:22+00:00", "--until=2026-01-09T00:00:00Z", "--dry-run", "--force",
				"--eventbus.transport=redis")
			.arguments();
		assertThat(arguments.topic()).isEqualTo("orders");
		assertThat(arguments.groupId()).isEqualTo("billing");
		assertThat(arguments.ids()).containsExactly("0@1", "3@9", "a-b");
		assertThat(arguments.since()).isEqualTo(OffsetDateTime.parse("2026-01-08T06:46:22+00:00"));
		assertThat(arguments.until()).isEqualTo(OffsetDateTime.parse("2026-01-09T00:00:00Z"));
		assertThat(arguments.dryRun()).isTrue();
		assertThat(arguments.force()).isTrue();
		CommandArguments.ReplayDeadLetters plain = (CommandArguments.ReplayDeadLetters) commandLine(
				"replay_dead_letters", "--topic", "orders").arguments();
		assertThat(plain.ids()).isEmpty();
		assertThat(plain.dryRun()).isFalse();
		assertThat(plain.force()).isFalse();
	}

	@Test
	void aWrongCommandLineIsRefusedNamingTheOption() {
		assertThatExceptionOfType(CommandUsageException.class).isThrownBy(() -> commandLine("replay-dead-letters"))
			.withMessage("Option --topic is required");
		assertThatExceptionOfType(CommandUsageException.class)
			.isThrownBy(() -> commandLine("replay-dead-letters", "-t", "x", "--since", "2026-01-08T06:46:22"))
			.withMessageStartingWith("--since '2026-01-08T06:46:22' has no UTC offset");
		assertThatExceptionOfType(CommandUsageException.class)
			.isThrownBy(() -> commandLine("replay-dead-letters", "-t", "x", "--since", "2026-01-09T00:00:00Z",
					"--until", "2026-01-08T00:00:00Z"))
			.withMessageContaining("must be before --until");
		assertThatExceptionOfType(CommandUsageException.class)
			.isThrownBy(() -> commandLine("replay-dead-letters", "-t", "x", "--dry-run=yes"))
			.withMessage("Option --dry-run takes no value");
		assertThatExceptionOfType(CommandUsageException.class)
			.isThrownBy(() -> commandLine("replay-dead-letters", "-t", "x", "--ids", "1@2,,3@4"))
			.withMessageContaining("--ids");
		assertThat(EventBusCommand.REPLAY_DEAD_LETTERS.usage()).contains("--dry-run").contains("--force");
	}

	@Test
	void replaysThePrefixedStreamsDeadLettersOncePrintingOneLineEach() throws Exception {
		String full = this.stream;
		RedisDeadLetterRecoverer recoverer = new RedisDeadLetterRecoverer(this.connectionFactory, "billing", "b-1", 0);
		recoverer.recover(message(full, "1700000000000-0", "event-1"),
				new ConsumeFailureException(FailureKind.HANDLER_ERROR, "listener failed"));
		recoverer.recover(message(full, "1700000060000-0", "event-2"),
				new ConsumeFailureException(FailureKind.UNKNOWN_EVENT_TYPE, "unknown type"));
		List<String> deadLetterIds = this.template.opsForStream()
			.range(RedisDeadLetterRecoverer.deadLetterStream(full), Range.unbounded())
			.stream()
			.map((record) -> record.getId().getValue())
			.toList();

		assertThat(run("replay-dead-letters", "-t", this.topic, "--dry-run")).isZero();
		assertThat(lines()).extracting((line) -> line.get("outcome")).containsExactly("would_replay", "would_replay");
		assertThat(lines()).extracting((line) -> line.get("id")).containsExactlyElementsOf(deadLetterIds);
		assertThat(lines()).extracting((line) -> line.get("eventId")).containsExactly("event-1", "event-2");
		assertThat(lines().get(0)).containsEntry("group", "billing")
			.containsEntry("failureKind", "handler_error")
			.containsEntry("time", "2023-11-14T22:13:20Z")
			.containsEntry("replayedTo", null);
		assertThat(this.template.hasKey(full)).isFalse();

		assertThat(run("replay-dead-letters", "-t", this.topic, "--ids", "event-2")).isZero();
		assertThat(lines()).singleElement().satisfies((line) -> {
			assertThat(line).containsEntry("outcome", "replayed").containsEntry("eventId", "event-2");
			assertThat((String) line.get("replayedTo")).startsWith(full + "@");
		});
		List<MapRecord<String, Object, Object>> replayed = this.template.opsForStream().range(full, Range.unbounded());
		assertThat(replayed).singleElement()
			.satisfies((record) -> assertThat(record.getValue()).containsOnlyKeys("type", "id", "event_data")
				.containsEntry("id", "event-2"));

		assertThat(run("replay-dead-letters", "-t", this.topic, "--since", "2023-01-01T00:00:00Z")).isZero();
		assertThat(lines()).extracting((line) -> line.get("outcome")).containsExactly("replayed", "already_replayed");
		assertThat(this.template.opsForStream().size(full)).isEqualTo(2);

		assertThat(run("replay-dead-letters", "-t", this.topic)).isZero();
		assertThat(lines()).extracting((line) -> line.get("outcome"))
			.containsExactly("already_replayed", "already_replayed");
		assertThat(this.template.opsForStream().size(full)).isEqualTo(2);
	}

	@Test
	void exitsWithOneWhenRedisCannotBeReached() {
		EventBusCommandLine commandLine = commandLine("replay-dead-letters", "-t", this.topic);
		contextRunner("spring.data.redis.url=redis://127.0.0.1:1", "spring.data.redis.timeout=1s",
				"spring.data.redis.connect-timeout=1s")
			.withBean(EventBusCommandLine.class, () -> commandLine)
			.run((context) -> assertThat(context.getBean(EventBusCommandRunner.class).runCommand()).isEqualTo(1));
	}

	@Test
	void eachTransportContributesItsReplayerUnlessTheApplicationHasOne() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
					EventBusKafkaAutoConfiguration.class, EventBusAutoConfiguration.class))
			.withPropertyValues("spring.kafka.bootstrap-servers=localhost:9",
					"spring.kafka.producer.properties.max.block.ms=1", "eventbus.kafka.schema-registry.url=http://localhost:8081")
			.run((context) -> assertThat(context).hasSingleBean(KafkaDeadLetterReplayer.class));
		contextRunner("spring.data.redis.url=redis://127.0.0.1:" + this.redis.port())
			.run((context) -> assertThat(context).hasSingleBean(RedisDeadLetterReplayer.class));
		DeadLetterReplayer own = new RedisDeadLetterReplayer(this.connectionFactory, 0);
		contextRunner("spring.data.redis.url=redis://127.0.0.1:" + this.redis.port())
			.withBean(DeadLetterReplayer.class, () -> own)
			.run((context) -> assertThat(context.getBean(DeadLetterReplayer.class)).isSameAs(own));
	}

	private int run(String... args) {
		this.stdout.reset();
		EventBusCommandLine commandLine = commandLine(args);
		int[] status = new int[1];
		contextRunner("spring.data.redis.url=redis://127.0.0.1:" + this.redis.port())
			.withBean(EventBusCommandLine.class, () -> commandLine)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				status[0] = context.getBean(EventBusCommandRunner.class).runCommand();
			});
		return status[0];
	}

	private ApplicationContextRunner contextRunner(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					EventBusRedisAutoConfiguration.class, EventBusAutoConfiguration.class))
			.withPropertyValues("spring.application.name=billing", "eventbus.transport=redis",
					"eventbus.topic-prefix=" + PREFIX)
			.withPropertyValues(properties);
	}

	private EventBusCommandLine commandLine(String... args) {
		return EventBusCommandLine.parse(args, new PrintStream(this.stdout, true, StandardCharsets.UTF_8))
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> lines() throws Exception {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (String line : this.stdout.toString(StandardCharsets.UTF_8).split("\n")) {
			if (!line.isBlank()) {
				lines.add(new ObjectMapper().readValue(line, Map.class));
			}
		}
		return lines;
	}

	private static RedisStreamMessage message(String stream, String id, String eventId) {
		return new RedisStreamMessage(stream, id, List.of(field("type", "org.acme.unknown.v1"), field("id", eventId),
				field("event_data", "\u0000\u00ffdata")));
	}

	private static Map.Entry<byte[], byte[]> field(String name, String value) {
		return Map.entry(name.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
	}

}
