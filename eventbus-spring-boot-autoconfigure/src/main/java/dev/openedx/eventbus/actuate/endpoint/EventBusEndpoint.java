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

package dev.openedx.eventbus.actuate.endpoint;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.DeadLetterReplayRequest;
import dev.openedx.eventbus.consumer.DeadLetterReplayResult;
import dev.openedx.eventbus.consumer.DeadLetterReplayer;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter.Outcome;
import dev.openedx.eventbus.event.LogText;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.monitor.BacklogReading;
import dev.openedx.eventbus.monitor.GroupBacklog;
import dev.openedx.eventbus.outbox.JdbcOutbox;
import dev.openedx.eventbus.outbox.OutboxEntry;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.outbox.OutboxStatistics;
import dev.openedx.eventbus.outbox.OutboxStatus;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.worker.ReplayTimes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.core.log.LogAccessor;

/**
 * The {@code eventbus} actuator endpoint. Reading it ({@code GET /actuator/eventbus}) gives the routing table, every
 * worker with its state, counts, lag and last error, and the effective settings with secrets masked. Two write
 * operations change things at run time, without a restart:
 * <ul>
 * <li>{@code POST /actuator/eventbus} with {@code {"eventType": "...", "topic": "...", "enabled": false}} switches one
 * route off or on (the rollout toggle of the Open edX how-to);</li>
 * <li>{@code POST /actuator/eventbus/{worker}} with {@code {"action": "stop"}} or {@code {"action": "start"}} stops a
 * worker (it finishes the message in hand and acknowledges) or starts it again (a failed one too);</li>
 * <li>{@code POST /actuator/eventbus/outbox} with {@code {"action": "resubmit"}} puts every failed outbox event back
 * in line, or only those of {@code "ids": [..]};</li>
 * <li>{@code POST /actuator/eventbus/{worker}/replay-dead-letters} with {@code {}} publishes the dead letters the
 * worker's group wrote back to the worker's topic or stream, as the {@code replay-dead-letters} command does; the body
 * may narrow them with {@code "ids": [..]}, {@code "since"} and {@code "until"} (ISO-8601 with offset), and say
 * {@code "dryRun": true} (list only) or {@code "force": true} (replay those replayed before too).</li>
 * </ul>
 * With the transactional outbox, the view has its counts, and {@code GET /actuator/eventbus/outbox} lists its pending
 * and failed entries (oldest first, at most {@value #OUTBOX_LISTING_LIMIT} of each). {@code outbox} is therefore not
 * a usable worker name here.
 * <p>
 * The endpoint is read-only unless {@code management.endpoint.eventbus.access=unrestricted}: the write operations
 * change what the service sends and consumes, so only who may operate the service should reach them (secure the
 * endpoint, see {@code docs/observability.md}). Every write is logged at WARN with who (the authenticated principal,
 * when the request has one), what and when. Over HTTP, a write that cannot be done is answered with the reason
 * ({@link EventBusEndpointWebExtension}): 404 for an unknown worker or route, 400 for an unknown action.
 *
 * @since 0.1.0
 */
@Endpoint(id = "eventbus", defaultAccess = Access.READ_ONLY)
public class EventBusEndpoint {

	/** The most outbox entries of each status {@code GET /actuator/eventbus/outbox} lists. */
	public static final int OUTBOX_LISTING_LIMIT = 100;

	/** The worker operation that replays dead letters: {@code POST /actuator/eventbus/{worker}/replay-dead-letters}. */
	public static final String REPLAY_DEAD_LETTERS = "replay-dead-letters";

	private static final String OUTBOX = "outbox";

	private static final LogAccessor logger = new LogAccessor(EventBusEndpoint.class);

	private final String transport;

	private final @Nullable EventRoutes routes;

	private final @Nullable EventBusConsumerRegistry consumers;

	private final @Nullable BacklogMonitor monitor;

	private final Map<String, ?> settings;

	private final SettingsSanitizer sanitizer;

	private final Show showValues;

	private final Set<String> roles;

	private final @Nullable OutboxRelay outbox;

	private final @Nullable DeadLetterReplayer deadLetterReplayer;

	/**
	 * Create the endpoint.
	 * @param transport {@code kafka} or {@code redis}
	 * @param routes the routing table, or {@code null} when this service does not produce
	 * @param consumers the workers, or {@code null} when this service does not consume
	 * @param monitor the backlog monitor, or {@code null} for no lag
	 * @param settings the effective settings, as nested maps by property name segment
	 * @param sanitizingFunctions the application's functions, applied after the endpoint's own masking of secrets
	 * @param showValues when the settings' values are shown rather than masked
	 * @param roles the roles that may see them with {@link Show#WHEN_AUTHORIZED}
	 */
	public EventBusEndpoint(String transport, @Nullable EventRoutes routes,
			@Nullable EventBusConsumerRegistry consumers, @Nullable BacklogMonitor monitor, Map<String, ?> settings,
			Iterable<SanitizingFunction> sanitizingFunctions, Show showValues, Set<String> roles) {
		this(transport, routes, consumers, monitor, settings, sanitizingFunctions, showValues, roles, null);
	}

	/**
	 * Create the endpoint of a service with a transactional outbox.
	 * @param transport {@code kafka} or {@code redis}
	 * @param routes the routing table, or {@code null} when this service does not produce
	 * @param consumers the workers, or {@code null} when this service does not consume
	 * @param monitor the backlog monitor, or {@code null} for no lag
	 * @param settings the effective settings, as nested maps by property name segment
	 * @param sanitizingFunctions the application's functions, applied after the endpoint's own masking of secrets
	 * @param showValues when the settings' values are shown rather than masked
	 * @param roles the roles that may see them with {@link Show#WHEN_AUTHORIZED}
	 * @param outbox the outbox relay, or {@code null} without an outbox
	 */
	public EventBusEndpoint(String transport, @Nullable EventRoutes routes,
			@Nullable EventBusConsumerRegistry consumers, @Nullable BacklogMonitor monitor, Map<String, ?> settings,
			Iterable<SanitizingFunction> sanitizingFunctions, Show showValues, Set<String> roles,
			@Nullable OutboxRelay outbox) {
		this(transport, routes, consumers, monitor, settings, sanitizingFunctions, showValues, roles, outbox, null);
	}

	/**
	 * Create the endpoint of a service that can replay its workers' dead letters.
	 * @param transport {@code kafka} or {@code redis}
	 * @param routes the routing table, or {@code null} when this service does not produce
	 * @param consumers the workers, or {@code null} when this service does not consume
	 * @param monitor the backlog monitor, or {@code null} for no lag
	 * @param settings the effective settings, as nested maps by property name segment
	 * @param sanitizingFunctions the application's functions, applied after the endpoint's own masking of secrets
	 * @param showValues when the settings' values are shown rather than masked
	 * @param roles the roles that may see them with {@link Show#WHEN_AUTHORIZED}
	 * @param outbox the outbox relay, or {@code null} without an outbox
	 * @param deadLetterReplayer the transport's replayer, or {@code null} when dead letters cannot be replayed
	 * @since 0.2.0
	 */
	public EventBusEndpoint(String transport, @Nullable EventRoutes routes,
			@Nullable EventBusConsumerRegistry consumers, @Nullable BacklogMonitor monitor, Map<String, ?> settings,
			Iterable<SanitizingFunction> sanitizingFunctions, Show showValues, Set<String> roles,
			@Nullable OutboxRelay outbox, @Nullable DeadLetterReplayer deadLetterReplayer) {
		this.outbox = outbox;
		this.deadLetterReplayer = deadLetterReplayer;
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.routes = routes;
		this.consumers = consumers;
		this.monitor = monitor;
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.sanitizer = new SettingsSanitizer(sanitizingFunctions);
		this.showValues = Objects.requireNonNull(showValues, "showValues must not be null");
		this.roles = Set.copyOf(roles);
	}

	/**
	 * The routing table, the workers and the settings; the settings' values are masked unless
	 * {@code management.endpoint.eventbus.show-values} shows them to this caller.
	 * @param securityContext the caller, for {@link Show#WHEN_AUTHORIZED}
	 * @return the description, never {@code null}
	 */
	@ReadOperation
	public EventBusDescriptor eventBus(SecurityContext securityContext) {
		List<RouteDescriptor> routes = new ArrayList<>();
		if (this.routes != null) {
			this.routes.all().forEach((route) -> routes.add(describe(route)));
		}
		List<WorkerDescriptor> workers = new ArrayList<>();
		if (this.consumers != null) {
			this.consumers.getConsumers().forEach((consumer) -> workers.add(describe(consumer)));
		}
		OutboxStatistics statistics = (this.outbox != null) ? this.outbox.getStatistics() : null;
		return new EventBusDescriptor(this.transport, routes, workers,
				(statistics != null) ? describe(statistics, null, null) : null,
				this.sanitizer.sanitize(this.settings, this.showValues.isShown(securityContext, this.roles)));
	}

	/**
	 * One worker, or with {@code outbox} the outbox with its pending and failed entries.
	 * @param name a worker name, or {@code outbox}
	 * @return the worker or the outbox
	 */
	@ReadOperation
	public OperationResponseBody part(@Selector String name) {
		if (OUTBOX.equals(name)) {
			OutboxRelay relay = requireOutbox();
			OutboxStatistics statistics = relay.refreshStatistics();
			JdbcOutbox table = relay.getOutbox();
			return describe(statistics, table.entries(OutboxStatus.PENDING, OUTBOX_LISTING_LIMIT),
					table.entries(OutboxStatus.FAILED, OUTBOX_LISTING_LIMIT));
		}
		EventBusConsumerRegistry registry = this.consumers;
		if (registry == null) {
			throw new InvalidEndpointRequestException("This service runs no workers", "No workers");
		}
		return describe(registry.getConsumer(name)
			.orElseThrow(() -> new InvalidEndpointRequestException("No event bus worker named '" + name + "'",
					"No such worker")));
	}

	/**
	 * Switch one route on or off; the next event published follows it.
	 * @param eventType the event type
	 * @param topic the topic without prefix
	 * @param enabled whether events are sent on the route
	 * @param securityContext who asks ({@link SecurityContext#NONE} when unknown)
	 * @return the route after the change
	 */
	@WriteOperation
	public RouteDescriptor route(String eventType, String topic, boolean enabled, SecurityContext securityContext) {
		EventRoutes table = this.routes;
		if (table == null) {
			throw new InvalidEndpointRequestException("This service sends no events (no routing table)",
					"No routing table");
		}
		boolean previous;
		try {
			previous = table.setEnabled(eventType, topic, enabled);
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownTargetException(ex.getMessage(), "No such route");
		}
		audit(securityContext, "switched route " + LogText.escape(eventType) + " -> " + LogText.escape(topic) + " "
				+ (enabled ? "on" : "off") + " (was " + (previous ? "on" : "off") + ")");
		for (EventRoute route : table.all()) {
			if (route.eventType().type().equals(eventType) && route.topic().equals(topic)) {
				return describe(route);
			}
		}
		throw new IllegalStateException("Route " + eventType + " -> " + topic + " vanished");
	}

	/**
	 * Stop or start one worker, or resubmit failed outbox entries.
	 * @param name the worker name, or {@code outbox}
	 * @param action {@code stop} or {@code start} for a worker, {@code resubmit} for the outbox
	 * @param ids the outbox entries to resubmit, or {@code null} for every failed one
	 * @param securityContext who asks ({@link SecurityContext#NONE} when unknown)
	 * @return the worker or the outbox afterwards
	 */
	@WriteOperation
	public OperationResponseBody act(@Selector String name, String action, @Nullable List<Long> ids,
			SecurityContext securityContext) {
		return OUTBOX.equals(name) ? resubmit(action, ids, securityContext) : worker(name, action, securityContext);
	}

	/**
	 * Stop or start one worker.
	 * @param name the worker name
	 * @param action {@code stop} or {@code start}
	 * @param securityContext who asks ({@link SecurityContext#NONE} when unknown)
	 * @return the worker afterwards
	 */
	public WorkerDescriptor worker(String name, String action, SecurityContext securityContext) {
		EventBusConsumerRegistry registry = this.consumers;
		if (registry == null) {
			throw new UnknownTargetException("This service runs no workers", "No workers");
		}
		if (registry.getConsumer(name).isEmpty()) {
			List<String> names = registry.getConsumers().stream().map(EventBusConsumer::name).toList();
			throw new UnknownTargetException("No worker named '" + name + "'; the workers of this service are "
					+ String.join(", ", names), "No such worker");
		}
		try {
			EventBusConsumer worker = switch (action.toLowerCase(Locale.ROOT)) {
				case "stop" -> registry.stopConsumer(name);
				case "start" -> registry.startConsumer(name);
				default -> throw new InvalidEndpointRequestException(
						"Unknown action '" + action + "': use 'stop' or 'start'", "Unknown action");
			};
			audit(securityContext, "asked worker " + LogText.escape(name) + " to " + action.toLowerCase(Locale.ROOT)
					+ " (now " + worker.status().state() + ")");
			return describe(worker);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), "Cannot " + action + " worker " + name);
		}
	}

	/**
	 * Publish the dead letters one worker's group wrote back to the worker's topic or stream, once each
	 * ({@link DeadLetterReplayer}); or with {@code dryRun} only list them.
	 * @param name the worker name
	 * @param operation {@value #REPLAY_DEAD_LETTERS}
	 * @param ids only these dead letters (their ids or event ids), or {@code null} for all
	 * @param since only those whose original message was written at or after this ISO-8601 time, or {@code null}
	 * @param until only those whose original message was written before this ISO-8601 time, or {@code null}
	 * @param dryRun whether to list them only
	 * @param force whether to replay those replayed before too
	 * @param securityContext who asks ({@link SecurityContext#NONE} when unknown)
	 * @return what was replayed
	 * @since 0.2.0
	 */
	@WriteOperation
	public DeadLetterReplayDescriptor replayDeadLetters(@Selector String name, @Selector String operation,
			@Nullable List<String> ids, @Nullable String since, @Nullable String until, @Nullable Boolean dryRun,
			@Nullable Boolean force, SecurityContext securityContext) {
		if (!REPLAY_DEAD_LETTERS.equals(operation)) {
			throw new UnknownTargetException("Unknown worker operation '" + operation + "': use "
					+ REPLAY_DEAD_LETTERS, "No such operation");
		}
		EventBusConsumerRegistry registry = this.consumers;
		if (registry == null) {
			throw new UnknownTargetException("This service runs no workers", "No workers");
		}
		EventBusConsumer worker = registry.getConsumer(name).orElseThrow(() -> new UnknownTargetException(
				"No worker named '" + name + "'; the workers of this service are "
						+ String.join(", ", registry.getConsumers().stream().map(EventBusConsumer::name).toList()),
				"No such worker"));
		DeadLetterReplayer replayer = this.deadLetterReplayer;
		if (replayer == null) {
			throw new UnknownTargetException("This service cannot replay dead letters (no transport's replayer)",
					"No replayer");
		}
		ConsumerStatus status = worker.status();
		DeadLetterReplayRequest request;
		try {
			request = new DeadLetterReplayRequest(status.destination(), (ids != null) ? Set.copyOf(ids) : Set.of(),
					time(since, "since"), time(until, "until"), status.group(), Boolean.TRUE.equals(dryRun),
					Boolean.TRUE.equals(force));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), "Invalid replay request");
		}
		DeadLetterReplayResult result = replayer.replay(request);
		audit(securityContext, "asked to replay the dead letters of worker " + LogText.escape(name) + " (group "
				+ LogText.escape(status.group()) + ((ids != null) ? ", ids " + LogText.escape(String.join(",", ids))
						: "") + ((since != null) ? ", since " + LogText.escape(since) : "")
				+ ((until != null) ? ", until " + LogText.escape(until) : "")
				+ (Boolean.TRUE.equals(force) ? ", forced" : "") + "): " + result.summary());
		return new DeadLetterReplayDescriptor(name, result.deadLetters(), result.destination(), result.dryRun(),
				result.scanned(), result.count(result.dryRun() ? Outcome.WOULD_REPLAY : Outcome.REPLAYED),
				result.count(Outcome.ALREADY_REPLAYED), result.count(Outcome.NOT_REPLAYABLE),
				result.letters().stream().map(EventBusEndpoint::describe).toList());
	}

	private static @Nullable Instant time(@Nullable String text, String name) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return ReplayTimes.parse(text).toInstant();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(name + " " + ex.getMessage(), ex);
		}
	}

	private static DeadLetterDescriptor describe(ReplayedDeadLetter letter) {
		return new DeadLetterDescriptor(letter.id(), letter.eventId(), letter.eventType(), letter.group(),
				letter.failureKind(), letter.time().toString(), letter.outcome().tag(), letter.replayedTo());
	}

	private OutboxDescriptor resubmit(String action, @Nullable List<Long> ids, SecurityContext securityContext) {
		OutboxRelay relay = requireOutbox();
		if (!"resubmit".equalsIgnoreCase(action)) {
			throw new InvalidEndpointRequestException("Unknown outbox action '" + action + "': use 'resubmit'",
					"Unknown action");
		}
		int resubmitted = (ids != null) ? relay.getOutbox().resubmit(ids) : relay.getOutbox().resubmitFailed();
		audit(securityContext, "resubmitted " + resubmitted + " failed outbox event(s)"
				+ ((ids != null) ? " (ids " + ids + ")" : ""));
		relay.wakeUp();
		OutboxStatistics statistics = relay.refreshStatistics();
		return describe(statistics, null, relay.getOutbox().entries(OutboxStatus.FAILED, OUTBOX_LISTING_LIMIT))
			.withResubmitted(resubmitted);
	}

	private OutboxRelay requireOutbox() {
		OutboxRelay relay = this.outbox;
		if (relay == null) {
			throw new UnknownTargetException(
					"This service has no transactional outbox (eventbus.producer.outbox.enabled)", "No outbox");
		}
		return relay;
	}

	private static OutboxDescriptor describe(OutboxStatistics statistics, @Nullable List<OutboxEntry> pending,
			@Nullable List<OutboxEntry> failed) {
		return new OutboxDescriptor(statistics.pending(), statistics.failed(),
				statistics.oldestPendingAge().toString(), statistics.readAt().toString(), pending, failed, null);
	}

	/**
	 * Log a change made through the endpoint, at WARN: who, what, when. Write operations call it once they succeeded.
	 * @param securityContext who asked
	 * @param change what changed, wire and request values escaped
	 */
	static void audit(SecurityContext securityContext, String change) {
		Principal principal = securityContext.getPrincipal();
		String who = (principal != null) ? "'" + LogText.escape(principal.getName()) + "'"
				: "an unauthenticated caller";
		Instant when = Instant.now();
		logger.warn(() -> "eventbus endpoint: " + who + " " + change + " at " + when);
	}

	private RouteDescriptor describe(EventRoute route) {
		return new RouteDescriptor(route.eventType().type(), route.topic(), route.destination(),
				route.eventKeyField(), route.isEnabled());
	}

	private WorkerDescriptor describe(EventBusConsumer consumer) {
		ConsumerStatus status = consumer.status();
		Map<String, Long> failures = new LinkedHashMap<>();
		for (FailureKind kind : FailureKind.values()) {
			failures.put(kind.tag(), status.failures().getOrDefault(kind, 0L));
		}
		BacklogReading reading = (this.monitor != null) ? this.monitor.reading(status.name()).orElse(null) : null;
		GroupBacklog backlog = (reading != null) ? reading.backlog() : null;
		return new WorkerDescriptor(status.name(), status.transport(), status.destination(), status.group(),
				status.state().name(), status.handled(), status.failed(), failures, status.consecutiveErrors(),
				status.consecutiveErrorsLimit(), (backlog != null) ? backlog.lag() : null,
				(backlog != null) ? backlog.pending() : null, (reading != null) ? text(reading.readAt()) : null,
				(reading != null) ? reading.error() : null, status.lastError(), text(status.lastHandledAt()),
				text(status.lastPolledAt()), text(status.startedAt()));
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * What the endpoint shows.
	 *
	 * @param transport {@code kafka} or {@code redis}
	 * @param routes the routing table
	 * @param workers the workers
	 * @param outbox the outbox counts, or {@code null} without an outbox
	 * @param settings the effective settings, secrets masked
	 */
	public record EventBusDescriptor(String transport, List<RouteDescriptor> routes, List<WorkerDescriptor> workers,
			@Nullable OutboxDescriptor outbox, Map<String, Object> settings) implements OperationResponseBody {

	}

	/**
	 * The transactional outbox.
	 *
	 * @param pending events waiting to be sent
	 * @param failed events given up, waiting to be resubmitted
	 * @param oldestPendingAge how long the oldest pending event has waited (ISO-8601 duration)
	 * @param readAt when the counts were read
	 * @param pendingEntries the oldest pending entries, or {@code null} when not listed
	 * @param failedEntries the oldest failed entries, or {@code null} when not listed
	 * @param resubmitted how many entries a resubmit put back in line, or {@code null}
	 */
	public record OutboxDescriptor(long pending, long failed, String oldestPendingAge, String readAt,
			@Nullable List<OutboxEntry> pendingEntries, @Nullable List<OutboxEntry> failedEntries,
			@Nullable Integer resubmitted) implements OperationResponseBody {

		OutboxDescriptor withResubmitted(int count) {
			return new OutboxDescriptor(this.pending, this.failed, this.oldestPendingAge, this.readAt,
					this.pendingEntries, this.failedEntries, count);
		}

	}

	/**
	 * What a replay of a worker's dead letters did.
	 *
	 * @param worker the worker name
	 * @param deadLetters the dead-letter topic or stream read
	 * @param destination the topic or stream written to
	 * @param dryRun whether nothing was sent
	 * @param scanned how many dead letters were read
	 * @param replayed how many were replayed (with {@code dryRun}: would be)
	 * @param alreadyReplayed how many were skipped as replayed before
	 * @param notReplayable how many cannot be replayed (value cut to fit, no fields)
	 * @param letters the selected dead letters with what became of each
	 * @since 0.2.0
	 */
	public record DeadLetterReplayDescriptor(String worker, String deadLetters, String destination, boolean dryRun,
			long scanned, long replayed, long alreadyReplayed, long notReplayable,
			List<DeadLetterDescriptor> letters) implements OperationResponseBody {

	}

	/**
	 * One dead letter a replay selected.
	 *
	 * @param id its id in the dead-letter topic ({@code partition@offset}) or stream (entry id)
	 * @param eventId the event id it carries, or {@code null}
	 * @param eventType the event type it carries, or {@code null}
	 * @param group the consumer group that dead-lettered it, or {@code null}
	 * @param failureKind why, or {@code null}
	 * @param time when its original message was written
	 * @param outcome {@code replayed}, {@code would_replay}, {@code already_replayed} or {@code not_replayable}
	 * @param replayedTo where it was written by this replay, or {@code null}
	 * @since 0.2.0
	 */
	public record DeadLetterDescriptor(String id, @Nullable String eventId, @Nullable String eventType,
			@Nullable String group, @Nullable String failureKind, String time, String outcome,
			@Nullable String replayedTo) {

	}

	/**
	 * One route of the routing table.
	 *
	 * @param eventType the event type
	 * @param topic the topic without prefix, as configured
	 * @param destination the topic or stream on the broker
	 * @param eventKeyField the key field, or {@code null}
	 * @param enabled whether events are sent on it now
	 */
	public record RouteDescriptor(String eventType, String topic, String destination, @Nullable String eventKeyField,
			boolean enabled) implements OperationResponseBody {

	}

	/**
	 * One worker.
	 *
	 * @param name the worker name
	 * @param transport {@code kafka} or {@code redis}
	 * @param topic the topic or stream on the broker
	 * @param group the consumer group
	 * @param state {@code NEW}, {@code RUNNING}, {@code STOPPING}, {@code STOPPED} or {@code FAILED}
	 * @param handled events the listeners handled
	 * @param failed messages that failed for good
	 * @param failures failures by kind
	 * @param consecutiveFailures failures in a row
	 * @param consecutiveFailuresLimit the limit, 0 for none
	 * @param lag messages not yet delivered to the group, or {@code null} when unknown
	 * @param pending Redis: entries delivered and not acknowledged, or {@code null}
	 * @param backlogReadAt when lag and pending were read
	 * @param backlogError why they could not be read
	 * @param lastError the last failure
	 * @param lastHandledAt when an event was last handled
	 * @param lastPolledAt when the broker last answered a poll
	 * @param startedAt when the worker started
	 */
	public record WorkerDescriptor(String name, String transport, String topic, String group, String state,
			long handled, long failed, Map<String, Long> failures, int consecutiveFailures,
			int consecutiveFailuresLimit, @Nullable Long lag, @Nullable Long pending, @Nullable String backlogReadAt,
			@Nullable String backlogError, @Nullable String lastError, @Nullable String lastHandledAt,
			@Nullable String lastPolledAt, @Nullable String startedAt) implements OperationResponseBody {

	}

}
