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

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One run of the demo: start, publish, observe, report, stop.
 *
 * @since 0.1.0
 */
final class DemoRun {

	private static final List<Course> COURSES = List.of(
			new Course("course-v1:edX+DemoX+2026_T1", "Open edX Demo Course", "self", "2026-01-05T09:00:00Z"),
			new Course("course-v1:edX+AstroX+2026_T2", "Astronomy 101", "instructor", "2026-03-02T09:00:00Z"));

	private static final List<String> LEARNERS = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace",
			"heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor");

	private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(30);

	/** Requests arrive one at a time, as on a real site; each event's latency is then its own. */
	private static final Duration PACE = Duration.ofMillis(200);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final DemoOptions options;

	private final PrintStream out;

	private final HttpJson http = new HttpJson();

	private final String runId = UUID.randomUUID().toString().substring(0, 8);

	private final List<SampleService> services = new ArrayList<>();

	private final Map<String, Published> published = new LinkedHashMap<>();

	private @Nullable RedisStreams redis;

	private volatile boolean interrupted;

	private final String prefix = "eventbus-demo-" + this.runId;

	DemoRun(DemoOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	int run() {
		long started = System.nanoTime();
		Thread stopOnExit = new Thread(() -> {
			this.interrupted = true;
			stopQuietly();
		}, "eventbus-demo-stop");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
		try {
			List<String> arguments = transportArguments();
			SampleService lms = start("lms", "sample-producer-app", arguments);
			SampleService catalog = start("catalog", "sample-consumer-app", arguments);
			awaitStarted(lms, catalog);

			MetricsSnapshot lmsBefore = MetricsSnapshot.read(lms, this.http);
			MetricsSnapshot catalogBefore = MetricsSnapshot.read(catalog, this.http);
			publish(lms);
			Map<String, JsonNode> received = awaitArrival(catalog);
			List<MetricsSnapshot> after = settledMetrics(lms, catalog);

			printProjection(catalog);
			printLatencies(received);
			printMetrics(List.of(lmsBefore, catalogBefore), after);
			printHealth(lms, catalog);
			stop();
			this.out.printf(Locale.ROOT, "%nDone in %.1f s: %d events went from lms to catalog, nothing was lost.%n",
					(System.nanoTime() - started) / 1e9, this.published.size());
			return 0;
		}
		catch (RuntimeException ex) {
			this.out.println();
			if (this.interrupted) {
				this.out.println("Demo interrupted: the services it started are stopped.");
				return 1;
			}
			this.out.println("Demo failed: " + ((ex instanceof DemoException) ? ex.getMessage() : ex));
			stopQuietly();
			for (SampleService service : this.services) {
				this.out.println("  log of " + service.name() + ": " + service.log());
			}
			return 1;
		}
		finally {
			stopQuietly();
			if (this.redis != null) {
				this.redis.close();
			}
			try {
				Runtime.getRuntime().removeShutdownHook(stopOnExit);
			}
			catch (IllegalStateException ex) {
				// the JVM is already shutting down; the hook runs
			}
		}
	}

	private List<String> transportArguments() {
		if (this.options.kafka()) {
			this.out.println("Open edX event bus demo: lms publishes, catalog consumes, over Kafka on the development "
					+ "services");
			this.out.println("(the samples' \"dev\" profile starts an in-process KRaft broker and schema registry: "
					+ "nothing to install).");
			return List.of("--spring.profiles.active=dev",
					"--eventbus.dev-services.state-file=" + stateFile().toAbsolutePath());
		}
		this.redis = RedisStreams.connect(this.options.redisUrl());
		this.redis.deleteOnClose(this.prefix);
		this.out.println("Open edX event bus demo: lms publishes, catalog consumes, over Redis Streams at "
				+ this.options.redisUrl());
		this.out.println("(streams prefixed " + this.prefix + "-, deleted at the end).");
		return List.of("--spring.profiles.active=redis", "--spring.data.redis.url=" + this.options.redisUrl(),
				"--eventbus.topic-prefix=" + this.prefix);
	}

	private Path stateFile() {
		return this.options.workDirectory().resolve("dev-services-" + this.runId + ".properties");
	}

	private SampleService start(String name, String module, List<String> arguments) {
		Path jar = SampleService.jar(this.options.root(), module);
		Path log = this.options.workDirectory().resolve(name + ".log");
		SampleService service = SampleService.start(name, jar, arguments, log);
		this.services.add(service);
		return service;
	}

	private void awaitStarted(SampleService lms, SampleService catalog) {
		this.out.println();
		this.out.println("Starting both services side by side (logs in "
				+ this.options.root().relativize(this.options.workDirectory()) + "):");
		TextTable table = TextTable.of("service", "jar", "url", "ready after>");
		for (SampleService service : List.of(lms, catalog)) {
			Duration startup = service.awaitHealthy(this.http, this.options.startupTimeout());
			table.row(service.name(), service.name().equals("lms") ? "sample-producer-app" : "sample-consumer-app",
					service.uri("").toString(), seconds(startup));
		}
		table.print(this.out, "  ");
		Duration joined;
		if (this.options.kafka()) {
			Properties state = devServicesState();
			String owner = this.services.stream()
				.filter((service) -> Long.toString(service.pid()).equals(state.getProperty("pid")))
				.map(SampleService::name)
				.findFirst()
				.orElse("another process");
			this.out.println("  Kafka broker " + state.getProperty("bootstrap-servers") + " and schema registry "
					+ state.getProperty("schema-registry-url") + " run inside " + owner
					+ "; the other service joined them.");
			joined = ConsumerReadiness.awaitKafkaGroups(state.getProperty("bootstrap-servers"),
					this.options.startupTimeout());
		}
		else {
			joined = ConsumerReadiness.awaitRedisGroups(this.redis, this.prefix, this.options.startupTimeout());
		}
		this.out.println("  catalog's two workers were consuming " + seconds(joined) + " later (consumer groups "
				+ String.join(" and ", ConsumerReadiness.CATALOG_GROUPS.keySet().stream().sorted().toList()) + ").");
	}

	private Properties devServicesState() {
		Properties state = new Properties();
		try (Reader reader = Files.newBufferedReader(stateFile(), StandardCharsets.UTF_8)) {
			state.load(reader);
		}
		catch (IOException ex) {
			throw new DemoException("The development services wrote no state file at " + stateFile(), ex);
		}
		return state;
	}

	private void publish(SampleService lms) {
		try {
			for (Course course : COURSES) {
				String path = "/courses/" + course.key() + "/catalog-info";
				JsonNode event = this.http.post(lms.uri(path),
						Map.of("name", course.name(), "start", course.start(), "pacing", course.pacing()));
				record(event, "POST " + path + " \"" + course.name() + "\"");
				SampleService.sleep(PACE);
			}
			for (int i = 0; i < this.options.enrollments(); i++) {
				Course course = COURSES.get(i % COURSES.size());
				String learner = LEARNERS.get(i % LEARNERS.size()) + ((i < LEARNERS.size()) ? "" : "-" + i);
				String mode = (i % 3 == 0) ? "audit" : "verified";
				JsonNode event = this.http.post(lms.uri("/enrollments"), Map.of("username", learner, "email",
						learner + "@example.com", "courseKey", course.key(), "mode", mode));
				record(event, "POST /enrollments " + learner + " -> " + course.shortName() + " (" + mode + ")");
				SampleService.sleep(PACE);
			}
		}
		catch (IOException ex) {
			throw new DemoException("Publishing through lms failed: " + ex.getMessage(), ex);
		}
	}

	private void record(JsonNode event, String request) {
		String type = event.path("type").asText();
		boolean firstOfType = this.published.values().stream().noneMatch((other) -> other.type().equals(type));
		this.published.put(event.path("id").asText(), new Published(request, type, firstOfType));
	}

	private Map<String, JsonNode> awaitArrival(SampleService catalog) {
		long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
		Map<String, JsonNode> received = new LinkedHashMap<>();
		while (true) {
			try {
				for (JsonNode event : this.http.get(catalog.uri("/events"))) {
					received.put(event.path("id").asText(), event);
				}
			}
			catch (IOException ex) {
				throw new DemoException("catalog does not answer: " + ex.getMessage(), ex);
			}
			List<String> missing = this.published.keySet().stream().filter((id) -> !received.containsKey(id)).toList();
			if (missing.isEmpty()) {
				return received;
			}
			if (System.nanoTime() > deadline) {
				throw new DemoException(missing.size() + " of " + this.published.size() + " events did not reach "
						+ "catalog within " + ARRIVAL_TIMEOUT.toSeconds() + " s: " + missing);
			}
			SampleService.sleep(Duration.ofMillis(100));
		}
	}

	/** The meters are updated right after the handler returns: read until two reads agree. */
	private List<MetricsSnapshot> settledMetrics(SampleService lms, SampleService catalog) {
		List<MetricsSnapshot> previous = List.of(MetricsSnapshot.read(lms, this.http),
				MetricsSnapshot.read(catalog, this.http));
		for (int i = 0; i < 10; i++) {
			SampleService.sleep(Duration.ofMillis(300));
			List<MetricsSnapshot> current = List.of(MetricsSnapshot.read(lms, this.http),
					MetricsSnapshot.read(catalog, this.http));
			if (current.equals(previous)) {
				return current;
			}
			previous = current;
		}
		return previous;
	}

	private void printProjection(SampleService catalog) {
		JsonNode courses;
		try {
			courses = this.http.get(catalog.uri("/courses"));
		}
		catch (IOException ex) {
			throw new DemoException("catalog does not answer: " + ex.getMessage(), ex);
		}
		this.out.println();
		this.out.println("What catalog's projection shows (GET " + catalog.uri("/courses") + "):");
		TextTable table = TextTable.of("course", "catalog name", "pacing", "enrolled>", "by mode", "learners");
		for (Course course : COURSES) {
			JsonNode view = find(courses, course.key());
			long expected = this.published.values().stream()
				.filter((event) -> event.request().contains("-> " + course.shortName() + " "))
				.count();
			if (view == null || view.path("enrollmentCount").asLong() != expected
					|| !course.name().equals(view.path("catalogInfo").path("name").asText())) {
				throw new DemoException("catalog's projection of " + course.key() + " is not what lms published: "
						+ view);
			}
			List<String> modes = new ArrayList<>();
			view.path("enrollmentsByMode").fields().forEachRemaining((mode) -> modes.add(mode.getKey() + " "
					+ mode.getValue().asInt()));
			List<String> learners = new ArrayList<>();
			view.path("enrollments").forEach((enrollment) -> learners.add(enrollment.path("username").asText()));
			table.row(course.key(), view.path("catalogInfo").path("name").asText(),
					view.path("catalogInfo").path("pacing").asText(), view.path("enrollmentCount").asInt(),
					String.join(", ", modes), String.join(", ", learners));
		}
		table.print(this.out, "  ");
	}

	private static @Nullable JsonNode find(JsonNode courses, String key) {
		for (JsonNode course : courses) {
			if (course.path("courseKey").asText().equals(key)) {
				return course;
			}
		}
		return null;
	}

	private void printLatencies(Map<String, JsonNode> received) {
		this.out.println();
		this.out.println("Each event, from the HTTP request on lms to catalog's handler (handler time minus the "
				+ "event's time;");
		this.out.println("one request every " + PACE.toMillis() + " ms):");
		TextTable table = TextTable.of("#>", "request to lms", "event type", "latency>", "");
		List<Double> warm = new ArrayList<>();
		int number = 0;
		for (Map.Entry<String, Published> entry : this.published.entrySet()) {
			Published event = entry.getValue();
			double millis = received.get(entry.getKey()).path("latencyMillis").asDouble();
			if (!event.firstOfType()) {
				warm.add(millis);
			}
			table.row(++number, event.request(), event.type().replaceFirst("^org\\.openedx\\.", ""),
					String.format(Locale.ROOT, "%.1f ms", millis), event.firstOfType() ? "*" : "");
		}
		table.print(this.out, "  ");
		this.out.println("  * first event of its type: includes one-time set-up ("
				+ (this.options.kafka() ? "registering its schemas, " : "") + "first use of its codec, connections)");
		if (!warm.isEmpty()) {
			warm.sort(Double::compare);
			this.out.printf(Locale.ROOT, "  the other %d events: median %.1f ms, max %.1f ms%n", warm.size(),
					warm.get(warm.size() / 2), warm.get(warm.size() - 1));
		}
	}

	private void printMetrics(List<MetricsSnapshot> before, List<MetricsSnapshot> after) {
		this.out.println();
		this.out.println("Metrics that moved (GET /actuator/metrics, before and after publishing):");
		TextTable table = TextTable.of("service", "meter", "statistic", "before>", "after>");
		for (int i = 0; i < before.size(); i++) {
			after.get(i).changesSince(before.get(i), table);
		}
		if (table.isEmpty()) {
			this.out.println("  (none)");
		}
		else {
			table.print(this.out, "  ");
		}
	}

	private void printHealth(SampleService... services) {
		this.out.println();
		this.out.println("Event bus health (GET /actuator/health/eventbus):");
		for (SampleService service : services) {
			JsonNode health;
			try {
				health = this.http.get(service.uri("/actuator/health/eventbus"));
			}
			catch (IOException ex) {
				// DOWN answers 503, which is worth showing rather than failing the demo for
				health = HttpJson.json.createObjectNode().put("status", "DOWN (" + ex.getMessage() + ")");
			}
			List<String> parts = new ArrayList<>();
			health.path("components").fields().forEachRemaining((component) -> {
				if (component.getKey().equals("workers")) {
					component.getValue().path("components").fields().forEachRemaining((worker) -> parts.add(
							"worker " + worker.getKey() + " " + worker.getValue().path("details").path("condition")
								.asText(worker.getValue().path("status").asText())));
				}
				else {
					parts.add(component.getKey() + " " + component.getValue().path("status").asText());
				}
			});
			this.out.println("  " + service.name() + ": " + health.path("status").asText("not reported")
					+ (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")"));
		}
	}

	private void stop() {
		this.out.println();
		long started = System.nanoTime();
		List<SampleService> order = stopOrder();
		this.out.print("Stopping " + order.stream().map(SampleService::name).collect(Collectors.joining(", then "))
				+ " ...");
		this.out.flush();
		List<String> forced = new ArrayList<>();
		for (SampleService service : order) {
			if (!service.stop(STOP_TIMEOUT)) {
				forced.add(service.name());
			}
		}
		if (!forced.isEmpty()) {
			throw new DemoException(String.join(", ", forced) + " did not stop within " + STOP_TIMEOUT.toSeconds()
					+ " s and was killed");
		}
		this.out.printf(Locale.ROOT, " stopped gracefully in %.1f s.%n", (System.nanoTime() - started) / 1e9);
	}

	/** The service whose process runs the development broker stops last, so the other one can commit first. */
	private List<SampleService> stopOrder() {
		List<SampleService> order = new ArrayList<>(this.services);
		if (this.options.kafka() && Files.exists(stateFile())) {
			String owner = devServicesState().getProperty("pid", "");
			order.sort((a, b) -> Boolean.compare(Long.toString(a.pid()).equals(owner),
					Long.toString(b.pid()).equals(owner)));
		}
		return order;
	}

	private void stopQuietly() {
		for (SampleService service : stopOrder()) {
			service.stop(STOP_TIMEOUT);
		}
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	private record Course(String key, String name, String pacing, String start) {

		String shortName() {
			return this.key.substring(this.key.indexOf('+') + 1, this.key.lastIndexOf('+'));
		}

	}

	private record Published(String request, String type, boolean firstOfType) {
	}

}
