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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.testing.ConsumerProcess;
import dev.openedx.eventbus.testing.Outcomes;
import dev.openedx.eventbus.testing.PausingRecoverer;
import dev.openedx.eventbus.testsupport.RedisServerProcess;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite on Redis (the {@code fault-suite} Maven profile runs it, the default build does not), on a
 * redis-server of its own that persists every write (append-only file, fsync always): a mixed stream with one poison
 * entry in ten, of every {@link RedisPoison} kind, among good events; a consumer process killed with {@code SIGKILL}
 * mid-stream and restarted; the redis-server killed and restarted mid-stream, while a dead letter is written. Each
 * time every good event is handled, every poison entry is dead-lettered with its failure kind, and the worker runs
 * on.
 */
class RedisFaultSuiteTests {

	/** One in ten entries is poison. */
	private static final int POISON_EVERY = 10;

	private static final Duration WAIT = Duration.ofSeconds(120);

	private static final String GROUP = "fault-group";

	/** Keys in the server when it is restarted: with {@code key-load-delay} it is LOADING for about 3 s. */
	private static final int LOADED_KEYS = 3_000;

	/**
	 * The poison the crash and restart tests mix in: what they test is that dead-lettering survives the fault, not
	 * the classification of every kind (the mixed-stream test does that).
	 */
	private static final List<RedisPoison> SOME_POISON = List.of(RedisPoison.MISSING_TYPE, RedisPoison.UNKNOWN_TYPE,
			RedisPoison.MISSING_EVENT_DATA, RedisPoison.GARBAGE_EVENT_DATA, RedisPoison.NON_UTC_TIME);

	private static RedisServerProcess server;

	private static LettuceConnectionFactory connectionFactory;

	private static RedisEventBusProducer producer;

	private RedisTestSupport redis;

	private final List<RedisEventBusConsumer> consumers = new ArrayList<>();

	@BeforeAll
	static void startServer() {
		// Loading a key at restart takes 1 ms (a debugging setting of redis-server, in microseconds), and the server
		// answers clients every kilobyte loaded: the restarted server answers LOADING for a while, as a server with a
		// large data set does.
		server = RedisServerProcess.start("--key-load-delay", "1000", "--loading-process-events-interval-bytes",
				"1024");
		// Spring Boot's defaults: a 60 s command timeout and Lettuce's reconnection, which replays the commands a
		// restart interrupted.
		connectionFactory = RedisTestSupport.connectionFactory(server.port());
		producer = new RedisEventBusProducer(connectionFactory, TestEvents.codec(),
				RedisProducerSettings.defaults().withStreamMaxLength(100_000));
	}

	@AfterAll
	static void stopServer() {
		connectionFactory.destroy();
		server.close();
	}

	@BeforeEach
	void connect() {
		this.redis = new RedisTestSupport(server.port());
	}

	@AfterEach
	void disconnect() {
		this.consumers.forEach((consumer) -> consumer.stop(Duration.ofSeconds(10)));
		this.redis.close();
	}

	@Test
	void aMixedStreamWithPoisonOfEveryKindHasEveryGoodEventHandledAndEveryPoisonEntryDeadLettered() {
		long started = System.nanoTime();
		String stream = this.redis.uniqueStream("fault-mixed");
		List<RedisPoison> everyKind = List.of(RedisPoison.values());
		// Ten of each kind.
		MixedStream sent = send(stream, 0, everyKind.size() * POISON_EVERY * 10, everyKind);
		Map<Long, Integer> handled = new ConcurrentHashMap<>();
		RedisEventBusConsumer consumer = start(settings(stream, GROUP, "c1"), record(handled));

		awaitCaughtUp(stream);
		ConsumerStatus status = consumer.status();

		Map<String, FailureKind> deadLettered = deadLetters(stream);
		System.out.printf("Fault suite, Redis mixed stream: %d good and %d poison entries of %d kinds; handled %d, "
				+ "dead-lettered %d; %.1f s%n", sent.good().size(), sent.poison().size(), everyKind.size(),
				handled.size(), deadLettered.size(), (System.nanoTime() - started) / 1e9);
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(status.state()).as("the worker still runs after all that poison")
			.isEqualTo(ConsumerState.RUNNING);
		softly.assertThat(byKind(sent, deadLettered)).as("poison dead-lettered, by kind")
			.isEqualTo(expectedByKind(sent));
		softly.assertThat(Outcomes.mismatches(sent.expectedFailures(), deadLettered))
			.as("dead letters by original entry id: failure kind")
			.isEmpty();
		softly.assertThat(Outcomes.missing(sent.good(), handled.keySet())).as("good events never handled").isEmpty();
		softly.assertThat(Outcomes.missing(handled.keySet(), sent.good()))
			.as("handled, but not sent as good events (poison carries negative sequence numbers)")
			.isEmpty();
		softly.assertThat(handled.values()).as("each handled once").allMatch((times) -> times == 1);
		softly.assertThat(this.redis.xlen(RedisDeadLetterRecoverer.deadLetterStream(stream)))
			.as("one dead letter per poison entry")
			.isEqualTo(sent.poison().size());
		for (RedisTestSupport.RawEntry letter : this.redis
			.rawXrange(RedisDeadLetterRecoverer.deadLetterStream(stream))) {
			if (sent.poison().get(letter.text(RedisDeadLetterRecoverer.ORIGINAL_ID)) == RedisPoison.LARGE_GARBAGE) {
				softly.assertThat(letter.value("event_data")).as("the whole event_data in the dead letter")
					.hasSize(RedisPoison.LARGE_VALUE_BYTES);
			}
		}
		softly.assertAll();
	}

	@Test
	void aConsumerProcessKilledMidStreamAndRestartedLosesNothing() throws Exception {
		long started = System.nanoTime();
		String stream = this.redis.uniqueStream("fault-sigkill");
		MixedStream sent = send(stream, 0, 3_000, SOME_POISON);
		Map<Long, Integer> handledByVictim;
		try (ConsumerProcess victim = ConsumerProcess.start(RedisCrashTestConsumer.class,
				Integer.toString(server.port()), stream, GROUP, "c1")) {
			victim.awaitReports(1_000, WAIT);
			victim.kill();
			handledByVictim = Map.copyOf(victim.handled());
		}
		long killed = System.nanoTime();
		long pendingAtKill = this.redis.pendingCount(stream, GROUP);
		// Added while no consumer runs.
		sent = sent.and(send(stream, 3_000, 1_000, SOME_POISON));

		// The same consumer name, as a restarted pod has: it handles the entries its first life left pending first.
		Map<Long, Integer> handledBySuccessor = new ConcurrentHashMap<>();
		RedisEventBusConsumer successor = start(settings(stream, GROUP, "c1"), record(handledBySuccessor));
		awaitCaughtUp(stream);
		ConsumerStatus status = successor.status();

		Set<Long> handled = new TreeSet<>(handledByVictim.keySet());
		handled.addAll(handledBySuccessor.keySet());
		long twice = handledByVictim.keySet().stream().filter(handledBySuccessor::containsKey).count();
		Map<String, FailureKind> deadLettered = deadLetters(stream);
		System.out.printf("Fault suite, Redis SIGKILL: the victim handled %d events and left %d entries pending, the "
				+ "restarted consumer handled %d; handled twice %d, lost %d; poison %d, dead-lettered %d; %.1f s "
				+ "(victim %.1f s)%n", handledByVictim.size(), pendingAtKill, handledBySuccessor.size(), twice,
				sent.good().size() - handled.size(), sent.poison().size(), deadLettered.size(),
				(System.nanoTime() - started) / 1e9, (killed - started) / 1e9);
		assertThat(handledByVictim).as("the victim was killed mid-stream").hasSizeBetween(1_000,
				sent.good().size() - 1);
		assertThat(Outcomes.missing(sent.good(), handled))
			.as("good events handled neither by the victim nor by its successor")
			.isEmpty();
		assertThat(Outcomes.missing(handled, sent.good())).as("handled, but not sent as good events")
			.isEmpty();
		assertThat(Outcomes.mismatches(sent.expectedFailures(), deadLettered))
			.as("poison not dead-lettered with its failure kind")
			.isEmpty();
		assertThat(status.state()).isEqualTo(ConsumerState.RUNNING);
	}

	@Test
	void threeConsumerProcessesWithOneKilledAndOneAddedMidStreamHandleEveryEvent() throws Exception {
		long started = System.nanoTime();
		String stream = this.redis.uniqueStream("fault-scale-out");
		MixedStream sent = send(stream, 0, 20_000, SOME_POISON);
		String claimMinIdleMillis = "3000";
		List<ConsumerProcess> members = new ArrayList<>();
		try {
			for (int i = 1; i <= 3; i++) {
				members.add(ConsumerProcess.start(RedisCrashTestConsumer.class, Integer.toString(server.port()),
						stream, GROUP, "c" + i, claimMinIdleMillis));
			}
			ConsumerProcess victim = members.get(0);
			victim.awaitReports(1_500, WAIT);
			victim.kill();
			long pendingAtKill = this.redis.pendingCount(stream, GROUP);
			// A new instance joins; the others (or it) claim what the victim left pending once it is idle enough.
			members.add(ConsumerProcess.start(RedisCrashTestConsumer.class, Integer.toString(server.port()), stream,
					GROUP, "c4", claimMinIdleMillis));
			await("every good event handled by one of the members").atMost(WAIT)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> Outcomes.missing(sent.good(), ConsumerProcess.handledByAny(members)).isEmpty());
			Set<Long> twice = ConsumerProcess.handledMoreThanOnce(members);
			awaitCaughtUp(stream);
			Map<String, FailureKind> deadLettered = deadLetters(stream);
			System.out.printf("Fault suite, Redis scale-out: 3 consumer processes, one killed after %d events leaving "
					+ "%d entries pending, one added; handled by each: %s; handled twice %d; poison %d, dead-lettered "
					+ "%d; %.1f s%n", victim.handled().size(), pendingAtKill,
					members.stream().map((member) -> member.handled().size()).toList(), twice.size(),
					sent.poison().size(), deadLettered.size(), (System.nanoTime() - started) / 1e9);
			assertThat(Outcomes.missing(ConsumerProcess.handledByAny(members), sent.good()))
				.as("handled, but not sent as good events")
				.isEmpty();
			assertThat(victim.handled().keySet()).as("duplicates only of events the killed consumer had handled")
				.containsAll(twice);
			assertThat(twice).as("handled again after the kill: at most the victim's unacknowledged entries")
				.hasSizeLessThanOrEqualTo(100);
			assertThat(members.subList(1, members.size())).as("the consumers still alive, the new one included")
				.allSatisfy((member) -> assertThat(member.isAlive()).isTrue());
			assertThat(Outcomes.mismatches(sent.expectedFailures(), deadLettered))
				.as("poison not dead-lettered with its failure kind")
				.isEmpty();
		}
		finally {
			for (ConsumerProcess member : members) {
				member.close();
			}
		}
	}

	@Test
	void theRedisServerKilledAndRestartedWhileADeadLetterIsWrittenLosesNothingAndTheWorkerRecovers()
			throws Exception {
		long started = System.nanoTime();
		String stream = this.redis.uniqueStream("fault-server-restart");
		MixedStream sent = send(stream, 0, 2_000, SOME_POISON);
		Map<Long, Integer> handled = new ConcurrentHashMap<>();
		RedisConsumerSettings settings = settings(stream, GROUP, "c1");
		// The 50th poison entry, about 500 entries into the stream.
		PausingRecoverer<RedisStreamMessage> deadLetters = new PausingRecoverer<>(
				new RedisDeadLetterRecoverer(connectionFactory, GROUP, "c1", settings.deadLetterMaxLength()), 50);
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory, settings, TestEvents.CATALOG,
				TestEvents.codec(), EventOrigin.forService("redis-fault-suite"), record(handled),
				new ConsumerObserver() {
				}, deadLetters);
		this.consumers.add(consumer);
		consumer.start();

		// The worker holds a poison entry, about to dead-letter it; the restarted server is LOADING for about 3 s
		// (LOADED_KEYS keys, each delayed): the dead letter goes out while the server is down or loading.
		deadLetters.awaitPaused(WAIT);
		fillAndRewrite();
		long killing = System.nanoTime();
		server.kill();
		deadLetters.release();
		server.restart();
		long outage = System.nanoTime() - killing;
		sent = sent.and(send(stream, 2_000, 1_000, SOME_POISON));
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> caughtUp(stream) || consumer.status().state() != ConsumerState.RUNNING);
		ConsumerStatus status = consumer.status();

		Map<String, FailureKind> deadLettered = deadLetters(stream);
		long twice = handled.values().stream().filter((times) -> times > 1).count();
		System.out.printf("Fault suite, Redis server restart: %d good events, handled %d (%d twice), poison %d, "
				+ "dead-lettered %d; redis-server down or loading for %.1f s; worker %s (%s); %.1f s%n",
				sent.good().size(), handled.size(), twice, sent.poison().size(), deadLettered.size(), outage / 1e9,
				status.state(), status.lastError(), (System.nanoTime() - started) / 1e9);
		assertThat(status.state()).as("the worker recovered (last error: %s)", status.lastError())
			.isEqualTo(ConsumerState.RUNNING);
		assertThat(Outcomes.missing(sent.good(), handled.keySet())).as("good events never handled").isEmpty();
		assertThat(Outcomes.missing(handled.keySet(), sent.good()))
			.as("handled, but not sent as good events").isEmpty();
		assertThat(Outcomes.mismatches(sent.expectedFailures(), deadLettered))
			.as("poison not dead-lettered with its failure kind")
			.isEmpty();
	}

	/**
	 * Write {@value #LOADED_KEYS} small keys and rewrite the append-only file, so that they are in its RDB part,
	 * whose loading {@code key-load-delay} slows down.
	 */
	private void fillAndRewrite() {
		Map<byte[], byte[]> keys = new HashMap<>();
		for (int i = 0; i < LOADED_KEYS; i++) {
			keys.put(RedisTestSupport.bytes("fault-suite-load-" + i), RedisTestSupport.bytes("x"));
		}
		this.redis.raw().mset(keys);
		this.redis.raw().bgrewriteaof();
		await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
			String persistence = this.redis.raw().info("persistence");
			return persistence.contains("aof_rewrite_in_progress:0") && persistence.contains("aof_rewrite_scheduled:0");
		});
	}

	/** The settings of every consumer of this suite (and of its crash-test process): dead letters, quick polls. */
	static RedisConsumerSettings settings(String stream, String group, String consumerName) {
		RedisConsumerSettings defaults = RedisConsumerSettings.of(stream, group)
			.withConsumerName(consumerName)
			.withFailurePolicy(FailurePolicy.DEAD_LETTER);
		ConsumerSettings worker = defaults.worker()
			.withPollTimeout(Duration.ofMillis(500))
			.withPollFailureSleep(Duration.ofMillis(100));
		return defaults.withWorker(worker);
	}

	/**
	 * Add {@code count} entries numbered from {@code from}: every {@value #POISON_EVERY}th a poison entry of the next
	 * kind in turn (with sequence {@code -1 - n}), the others good pings.
	 */
	private MixedStream send(String stream, long from, int count, List<RedisPoison> kinds) {
		Map<Long, CompletableFuture<SendReceipt>> goodSends = new LinkedHashMap<>();
		Map<String, RedisPoison> poison = new HashMap<>();
		for (long n = from; n < from + count; n++) {
			if (n % POISON_EVERY == POISON_EVERY - 1) {
				RedisPoison kind = kinds.get((int) ((n / POISON_EVERY) % kinds.size()));
				poison.put(this.redis.raw().xadd(RedisTestSupport.bytes(stream), kind.fields(-1 - n)), kind);
			}
			else {
				goodSends.put(n, producer.send(stream, null, TestEvents.ping(n)));
			}
		}
		goodSends.values().forEach((send) -> send.orTimeout(60, TimeUnit.SECONDS).join());
		return new MixedStream(new TreeSet<>(goodSends.keySet()), poison);
	}

	/** The dead letters of a stream, by the id of their original entry and with their failure kind. */
	private Map<String, FailureKind> deadLetters(String stream) {
		Map<String, FailureKind> kinds = new HashMap<>();
		for (FailureKind kind : FailureKind.values()) {
			kinds.put(kind.tag(), kind);
		}
		Map<String, FailureKind> letters = new HashMap<>();
		for (RedisTestSupport.RawEntry letter : this.redis
			.rawXrange(RedisDeadLetterRecoverer.deadLetterStream(stream))) {
			// A dead letter written twice (a crash after writing it, before acknowledging) is the same letter.
			letters.put(letter.text(RedisDeadLetterRecoverer.ORIGINAL_ID),
					kinds.get(letter.text(RedisDeadLetterRecoverer.FAILURE_KIND)));
		}
		return letters;
	}

	/** For each kind of poison: how many were dead-lettered with which failure kinds, or were never. */
	private static Map<RedisPoison, String> byKind(MixedStream sent, Map<String, FailureKind> deadLettered) {
		Map<RedisPoison, Map<String, Integer>> outcomes = new EnumMap<>(RedisPoison.class);
		sent.poison().forEach((id, kind) -> {
			FailureKind failure = deadLettered.get(id);
			String outcome = (failure != null) ? failure.tag() : "not dead-lettered";
			outcomes.computeIfAbsent(kind, (k) -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
		});
		Map<RedisPoison, String> summary = new EnumMap<>(RedisPoison.class);
		outcomes.forEach((kind, counts) -> summary.put(kind, counts.toString()));
		return summary;
	}

	private static Map<RedisPoison, String> expectedByKind(MixedStream sent) {
		Map<RedisPoison, Integer> counts = new EnumMap<>(RedisPoison.class);
		sent.poison().values().forEach((kind) -> counts.merge(kind, 1, Integer::sum));
		Map<RedisPoison, String> summary = new EnumMap<>(RedisPoison.class);
		counts.forEach((kind, count) -> summary.put(kind, Map.of(kind.expected().tag(), count).toString()));
		return summary;
	}

	private static EventDispatcher record(Map<Long, Integer> handled) {
		return (event) -> handled.merge(((TestEvents.Ping) event.data()).sequence(), 1, Integer::sum);
	}

	/** Waits until the group was delivered the stream's last entry and has nothing pending. */
	private void awaitCaughtUp(String stream) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> caughtUp(stream));
	}

	private boolean caughtUp(String stream) {
		byte[] key = RedisTestSupport.bytes(stream);
		List<StreamMessage<byte[], byte[]>> last = this.redis.raw()
			.xrevrange(key, Range.create("-", "+"), Limit.from(1));
		for (Object group : this.redis.raw().xinfoGroups(key)) {
			Map<String, String> info = new HashMap<>();
			List<?> pairs = (List<?>) group;
			for (int i = 0; i + 1 < pairs.size(); i += 2) {
				info.put(text(pairs.get(i)), text(pairs.get(i + 1)));
			}
			if (GROUP.equals(info.get("name"))) {
				return !last.isEmpty() && last.get(0).getId().equals(info.get("last-delivered-id"))
						&& "0".equals(info.get("pending"));
			}
		}
		return false;
	}

	private static String text(Object value) {
		return (value instanceof byte[] bytes) ? RedisTestSupport.text(bytes) : String.valueOf(value);
	}

	private RedisEventBusConsumer start(RedisConsumerSettings settings, EventDispatcher dispatcher) {
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory, settings, TestEvents.CATALOG,
				TestEvents.codec(), EventOrigin.forService("redis-fault-suite"), dispatcher, new ConsumerObserver() {
				});
		this.consumers.add(consumer);
		consumer.start();
		return consumer;
	}

	/** What was sent: the sequence numbers of the good events, the entry id and kind of each poison entry. */
	record MixedStream(Set<Long> good, Map<String, RedisPoison> poison) {

		MixedStream and(MixedStream more) {
			Set<Long> allGood = new TreeSet<>(this.good);
			allGood.addAll(more.good);
			Map<String, RedisPoison> allPoison = new HashMap<>(this.poison);
			allPoison.putAll(more.poison);
			return new MixedStream(allGood, allPoison);
		}

		/** The failure kind each poison entry must be dead-lettered with. */
		Map<String, FailureKind> expectedFailures() {
			Map<String, FailureKind> failures = new HashMap<>();
			this.poison.forEach((id, kind) -> failures.put(id, kind.expected()));
			return failures;
		}

	}

}
