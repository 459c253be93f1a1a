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

package dev.openedx.eventbus.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.consumer.DeadLetterReplayRequest;
import dev.openedx.eventbus.consumer.DeadLetterReplayResult;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter.Outcome;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.redis.RedisTestSupport.RawEntry;
import dev.openedx.eventbus.testing.LogCapture;
import io.lettuce.core.XAddArgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replaying dead letters against the build's redis-server: entries dead-lettered by a worker whose listener fails are
 * added back to their stream with their fields byte for byte and in order, and handled once by the same worker once
 * its listener succeeds; a second run replays nothing; dry runs add nothing; ids, times and groups select.
 */
class RedisDeadLetterReplayerTests {

	private static final String GROUP = "replay-group";

	private static final Duration WAIT = Duration.ofSeconds(60);

	@LocalRedis
	private static LettuceConnectionFactory connectionFactory;

	@LocalRedis
	private RedisTestSupport redis;

	private final List<RedisEventBusConsumer> workers = new ArrayList<>();

	private RedisDeadLetterReplayer replayer;

	private String stream;

	@BeforeEach
	void setUp() {
		this.replayer = new RedisDeadLetterReplayer(connectionFactory, 100_000);
		this.stream = this.redis.uniqueStream("replay");
		this.redis.deleteOnClose(this.replayer.replayRecordKey(this.stream));
	}

	@AfterEach
	void tearDown() {
		this.workers.forEach((worker) -> worker.stop(Duration.ofSeconds(10)));
	}

	@Test
	void deadLettersAreAddedBackOnceWithTheirOriginalFieldsInOrderAndHandledOnceWhenTheListenerSucceeds() {
		RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, TestEvents.codec(),
				RedisProducerSettings.defaults());
		for (long sequence = 0; sequence < 4; sequence++) {
			producer.send(this.stream, null, TestEvents.ping(sequence)).orTimeout(30, TimeUnit.SECONDS).join();
		}
		RecordingDispatcher dispatcher = new RecordingDispatcher().failingOn((sequence) -> true);
		startWorker(dispatcher);
		String deadLetters = RedisDeadLetterRecoverer.deadLetterStream(this.stream);
		await().atMost(WAIT).until(() -> this.redis.xlen(deadLetters) == 4
				&& this.redis.pendingCount(this.stream, GROUP) == 0);
		List<RawEntry> originals = this.redis.rawXrange(this.stream);

		dispatcher.failingOn((sequence) -> false);
		DeadLetterReplayResult first;
		try (LogCapture log = new LogCapture(RedisDeadLetterReplayer.class)) {
			first = this.replayer.replay(DeadLetterReplayRequest.all(this.stream));
			assertThat(log.messages(Level.INFO)).filteredOn((line) -> line.startsWith("Replayed dead letter "))
				.hasSize(4)
				.allSatisfy((line) -> assertThat(line).matches("Replayed dead letter " + deadLetters
						+ "@\\d+-\\d+ \\(org\\.openedx\\.test\\.redis\\.ping\\.v1 id=[0-9a-f-]{36}, handler_error\\) to "
						+ this.stream + "@\\d+-\\d+"));
			assertThat(log.messages(Level.INFO)).last()
				.isEqualTo("Replay of dead letters: replayed 4 of 4 selected dead letter(s) of " + deadLetters
						+ " (4 read) to " + this.stream + "; 0 already replayed, 0 not replayable");
		}
		assertThat(first.letters()).extracting(ReplayedDeadLetter::outcome).containsOnly(Outcome.REPLAYED);
		assertThat(first.letters()).extracting(ReplayedDeadLetter::group).containsOnly(GROUP);

		await().atMost(WAIT).until(() -> dispatcher.distinct() == 4);
		List<RawEntry> all = this.redis.rawXrange(this.stream);
		assertThat(all).hasSize(8);
		Map<String, RawEntry> originalByEventId = new HashMap<>();
		originals.forEach((entry) -> originalByEventId.put(entry.text("id"), entry));
		for (RawEntry replay : all.subList(4, 8)) {
			RawEntry original = originalByEventId.get(replay.text("id"));
			assertThat(replay.flatFields()).hasSameSizeAs(original.flatFields())
				.zipSatisfy(original.flatFields(), (copy, field) -> assertThat(copy).isEqualTo(field));
			assertThat(replay.names()).noneMatch((name) -> name.startsWith("dlq_"));
		}
		assertThat(first.letters()).extracting(ReplayedDeadLetter::replayedTo)
			.containsExactlyElementsOf(all.subList(4, 8).stream().map((entry) -> this.stream + "@" + entry.id())
				.toList());
		for (ReplayedDeadLetter letter : first.letters()) {
			assertThat(RedisTestSupport.text(this.redis.raw().hget(
					RedisTestSupport.bytes(this.replayer.replayRecordKey(this.stream)),
					RedisTestSupport.bytes(letter.id())))).isEqualTo(letter.replayedTo().substring(this.stream.length() + 1));
		}

		DeadLetterReplayResult second = this.replayer.replay(DeadLetterReplayRequest.all(this.stream));
		assertThat(second.letters()).hasSize(4)
			.extracting(ReplayedDeadLetter::outcome)
			.containsOnly(Outcome.ALREADY_REPLAYED);
		assertThat(this.redis.xlen(this.stream)).isEqualTo(8);
		await().atMost(WAIT).until(() -> this.redis.pendingCount(this.stream, GROUP) == 0);
		assertThat(dispatcher.total()).isEqualTo(4);
		assertThat(dispatcher.counts()).containsOnlyKeys(0L, 1L, 2L, 3L);
	}

	@Test
	void aDryRunAddsNothingAndIdsTimesAndGroupsSelectWhatIsReplayed() {
		Instant start = Instant.parse("2026-03-01T10:00:00Z");
		List<String> eventIds = addAt(start, 4);
		RedisEventBusConsumer worker = startWorker(new RecordingDispatcher().failingOn((sequence) -> true));
		String deadLetters = RedisDeadLetterRecoverer.deadLetterStream(this.stream);
		await().atMost(WAIT).until(() -> this.redis.xlen(deadLetters) == 4
				&& this.redis.pendingCount(this.stream, GROUP) == 0);
		// Stopped, so that the replays are not dead-lettered again while the selection is checked.
		worker.stop(WAIT);
		Map<String, String> letterIdByEventId = new HashMap<>();
		this.redis.rawXrange(deadLetters).forEach((letter) -> letterIdByEventId.put(letter.text("id"), letter.id()));

		DeadLetterReplayResult dryRun = this.replayer
			.replay(new DeadLetterReplayRequest(this.stream, Set.of(), null, null, null, true, false));
		assertThat(dryRun.letters()).hasSize(4).extracting(ReplayedDeadLetter::outcome).containsOnly(Outcome.WOULD_REPLAY);
		assertThat(dryRun.letters()).extracting(ReplayedDeadLetter::time)
			.containsExactly(start, start.plusSeconds(60), start.plusSeconds(120), start.plusSeconds(180));
		assertThat(this.redis.xlen(this.stream)).isEqualTo(4);
		assertThat(this.redis.raw().exists(RedisTestSupport.bytes(this.replayer.replayRecordKey(this.stream))))
			.isZero();

		DeadLetterReplayResult byIds = this.replayer.replay(new DeadLetterReplayRequest(this.stream,
				Set.of(letterIdByEventId.get(eventIds.get(0)), eventIds.get(1)), null, null, null, false, false));
		assertThat(byIds.letters()).extracting(ReplayedDeadLetter::eventId)
			.containsExactly(eventIds.get(0), eventIds.get(1));
		assertThat(byIds.letters()).extracting(ReplayedDeadLetter::outcome).containsOnly(Outcome.REPLAYED);

		DeadLetterReplayResult byTime = this.replayer.replay(new DeadLetterReplayRequest(this.stream, Set.of(),
				start.plusSeconds(120), start.plusSeconds(180), null, false, false));
		assertThat(byTime.letters()).singleElement().satisfies((letter) -> {
			assertThat(letter.eventId()).isEqualTo(eventIds.get(2));
			assertThat(letter.outcome()).isEqualTo(Outcome.REPLAYED);
		});

		DeadLetterReplayResult otherGroup = this.replayer
			.replay(new DeadLetterReplayRequest(this.stream, Set.of(), null, null, "another-group", false, false));
		assertThat(otherGroup.letters()).isEmpty();
		assertThat(otherGroup.scanned()).isEqualTo(4);

		DeadLetterReplayResult rest = this.replayer
			.replay(new DeadLetterReplayRequest(this.stream, Set.of(), null, null, GROUP, false, false));
		assertThat(rest.letters()).filteredOn((letter) -> letter.outcome() == Outcome.REPLAYED)
			.singleElement()
			.satisfies((letter) -> assertThat(letter.eventId()).isEqualTo(eventIds.get(3)));
		assertThat(rest.count(Outcome.ALREADY_REPLAYED)).isEqualTo(3);
		assertThat(this.redis.xlen(this.stream)).isEqualTo(8);
		assertThat(this.replayer.replay(DeadLetterReplayRequest.all(this.stream)).count(Outcome.ALREADY_REPLAYED))
			.isEqualTo(4);

		DeadLetterReplayResult forcedDryRun = this.replayer
			.replay(new DeadLetterReplayRequest(this.stream, Set.of(eventIds.get(0)), null, null, null, true, true));
		assertThat(forcedDryRun.letters()).singleElement()
			.satisfies((letter) -> assertThat(letter.outcome()).isEqualTo(Outcome.WOULD_REPLAY));
		assertThat(this.redis.xlen(this.stream)).isEqualTo(8);
	}

	/** Adds pings whose entry ids are one minute apart from the given time; returns their event ids. */
	private List<String> addAt(Instant start, int count) {
		String scratch = this.redis.uniqueStream("replay-source");
		RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, TestEvents.codec(),
				RedisProducerSettings.defaults());
		for (long sequence = 0; sequence < count; sequence++) {
			producer.send(scratch, null, TestEvents.ping(sequence)).orTimeout(30, TimeUnit.SECONDS).join();
		}
		List<String> eventIds = new ArrayList<>();
		List<RawEntry> sources = this.redis.rawXrange(scratch);
		for (int i = 0; i < count; i++) {
			RawEntry source = sources.get(i);
			this.redis.raw().xadd(RedisTestSupport.bytes(this.stream),
					new XAddArgs().id(start.plusSeconds(60L * i).toEpochMilli() + "-0"),
					source.flatFields().toArray());
			eventIds.add(source.text("id"));
		}
		return eventIds;
	}

	private RedisEventBusConsumer startWorker(RecordingDispatcher dispatcher) {
		RedisConsumerSettings defaults = RedisConsumerSettings.of(this.stream, GROUP)
			.withConsumerName("c1")
			.withFailurePolicy(FailurePolicy.DEAD_LETTER);
		ConsumerSettings settings = defaults.worker()
			.withPollTimeout(Duration.ofMillis(200))
			.withPollFailureSleep(Duration.ofMillis(100));
		RedisEventBusConsumer worker = new RedisEventBusConsumer(connectionFactory, defaults.withWorker(settings),
				TestEvents.CATALOG, TestEvents.codec(), EventOrigin.forService("replay-tests"), dispatcher,
				new ConsumerObserver() {
				});
		this.workers.add(worker);
		worker.start();
		return worker;
	}

}
