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

package dev.openedx.eventbus.actuate.health;

/**
 * What a worker is doing, as the health contributor reports it in the {@code condition} detail.
 *
 * @since 0.1.0
 */
enum WorkerCondition {

	/** Handling events. UP. */
	RUNNING("running", true),

	/** Running with nothing to read: no lag, no pending entries. UP. */
	IDLE("idle", true),

	/**
	 * Running, but the last messages failed (fewer in a row than its limit): they go to the failure policy and the
	 * worker carries on. UP, so that a few bad messages restart nothing; watch the failure meters.
	 */
	FAILING("failing", true),

	/**
	 * Running with lag or pending entries, yet nothing handled or failed for longer than
	 * {@code eventbus.monitoring.stuck-after}: a listener that hangs, a registry outage deferring every message, a
	 * lost partition. DOWN.
	 */
	STUCK("stuck", false),

	/**
	 * Redis: the group's oldest unhandled entry is close to the stream's trim point (or was trimmed already), so
	 * entries will be lost unless the group catches up. DOWN, also for a worker stopped on request.
	 */
	TRIM_RISK("trim-risk", false),

	/**
	 * Running, but its broker did not answer the last backlog read and the worker has handled nothing since: it
	 * cannot be consuming, whatever its state says (a wrong or missing bootstrap address, a broker down). DOWN, with
	 * the address tried.
	 */
	UNREACHABLE("unreachable", false),

	/** Stopped on request (endpoint, shutdown) or not started (consumers switched off). UP: it was asked for. */
	STOPPED("stopped", true),

	/**
	 * Stopped on its own: consecutive-errors limit reached, a failure it could not record, a source that could not
	 * start. DOWN, with the last error.
	 */
	FAILED("failed", false);

	private final String text;

	private final boolean healthy;

	WorkerCondition(String text, boolean healthy) {
		this.text = text;
		this.healthy = healthy;
	}

	/**
	 * The value of the {@code condition} detail.
	 * @return for example {@code trim-risk}
	 */
	public String text() {
		return this.text;
	}

	/**
	 * Whether the worker reads UP in this condition.
	 * @return {@code true} for UP
	 */
	public boolean healthy() {
		return this.healthy;
	}

}
