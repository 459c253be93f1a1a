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

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The {@code eventbus} endpoint's writes over HTTP, answered with the reason when they cannot be done: Spring Boot
 * answers a refused endpoint request with a bare {@code 400 Bad Request} (the message stays out of error bodies by
 * default), which leaves an operator guessing at a mistyped worker name.
 * <pre class="code">
 * POST /actuator/eventbus/enrolments {"action": "stop"}
 * 404 {"error": "No worker named 'enrolments'; the workers of this service are enrollments, catalog-info"}
 * </pre>
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = EventBusEndpoint.class)
public class EventBusEndpointWebExtension {

	private final EventBusEndpoint endpoint;

	/**
	 * Create the extension.
	 * @param endpoint the endpoint whose writes it answers
	 */
	public EventBusEndpointWebExtension(EventBusEndpoint endpoint) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
	}

	/**
	 * Switch one route on or off ({@link EventBusEndpoint#route}).
	 * @param eventType the event type
	 * @param topic the topic without prefix
	 * @param enabled whether events are sent on the route
	 * @param securityContext who asks, for the audit line
	 * @return the route after the change, or 404 with the reason
	 */
	@WriteOperation
	public WebEndpointResponse<OperationResponseBody> route(String eventType, String topic, boolean enabled,
			SecurityContext securityContext) {
		return answer(() -> this.endpoint.route(eventType, topic, enabled, securityContext));
	}

	/**
	 * Stop or start one worker, or resubmit failed outbox entries ({@link EventBusEndpoint#act}).
	 * @param name the worker name, or {@code outbox}
	 * @param action {@code stop} or {@code start} for a worker, {@code resubmit} for the outbox
	 * @param ids the outbox entries to resubmit, or {@code null} for every failed one
	 * @param securityContext who asks, for the audit line
	 * @return the worker or the outbox afterwards, or 404 (unknown worker, no outbox) or 400 (unknown action) with
	 * the reason
	 */
	@WriteOperation
	public WebEndpointResponse<OperationResponseBody> worker(@Selector String name, String action,
			@Nullable List<Long> ids, SecurityContext securityContext) {
		return answer(() -> this.endpoint.act(name, action, ids, securityContext));
	}

	/**
	 * Replay one worker's dead letters ({@link EventBusEndpoint#replayDeadLetters}).
	 * @param name the worker name
	 * @param operation {@value EventBusEndpoint#REPLAY_DEAD_LETTERS}
	 * @param ids only these dead letters (their ids or event ids), or {@code null} for all
	 * @param since only those whose original message was written at or after this ISO-8601 time, or {@code null}
	 * @param until only those whose original message was written before this ISO-8601 time, or {@code null}
	 * @param dryRun whether to list them only
	 * @param force whether to replay those replayed before too
	 * @param securityContext who asks, for the audit line
	 * @return what was replayed, or 404 (unknown worker or operation) or 400 (a time that does not parse) with the
	 * reason
	 * @since 0.2.0
	 */
	@WriteOperation
	public WebEndpointResponse<OperationResponseBody> replayDeadLetters(@Selector String name,
			@Selector String operation, @Nullable List<String> ids, @Nullable String since, @Nullable String until,
			@Nullable Boolean dryRun, @Nullable Boolean force, SecurityContext securityContext) {
		return answer(() -> this.endpoint.replayDeadLetters(name, operation, ids, since, until, dryRun, force,
				securityContext));
	}

	/**
	 * Stop or start one worker ({@link EventBusEndpoint#worker}), for a caller outside HTTP (no one to audit).
	 * @param name the worker name
	 * @param action {@code stop} or {@code start}
	 * @return the worker afterwards, or 404 (unknown worker) or 400 (unknown action) with the reason
	 */
	public WebEndpointResponse<OperationResponseBody> worker(String name, String action) {
		return worker(name, action, null, SecurityContext.NONE);
	}

	private static WebEndpointResponse<OperationResponseBody> answer(Supplier<OperationResponseBody> operation) {
		try {
			return new WebEndpointResponse<>(operation.get());
		}
		catch (UnknownTargetException ex) {
			return new WebEndpointResponse<>(new Refusal(String.valueOf(ex.getMessage())),
					WebEndpointResponse.STATUS_NOT_FOUND);
		}
		catch (InvalidEndpointRequestException ex) {
			return new WebEndpointResponse<>(new Refusal(String.valueOf(ex.getMessage())),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
	}

	/**
	 * Why a write was refused.
	 *
	 * @param error the reason, naming what was asked for
	 */
	public record Refusal(String error) implements OperationResponseBody {

	}

}
