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

package dev.openedx.eventbus.listener;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Collects the failures of {@code @OpenEdxEventListener} methods while the dispatcher fires one received event on the
 * current thread, so that every listener runs before the failures are raised together.
 *
 * @since 0.1.0
 */
final class ListenerFailures {

	private static final ThreadLocal<ListenerFailures> current = new ThreadLocal<>();

	private final List<Failure> failures = new ArrayList<>();

	private final @Nullable ListenerFailures outer;

	private ListenerFailures(@Nullable ListenerFailures outer) {
		this.outer = outer;
	}

	static ListenerFailures begin() {
		ListenerFailures scope = new ListenerFailures(current.get());
		current.set(scope);
		return scope;
	}

	static @Nullable ListenerFailures current() {
		return current.get();
	}

	void end() {
		if (this.outer != null) {
			current.set(this.outer);
		}
		else {
			current.remove();
		}
	}

	void add(String listener, Throwable error) {
		this.failures.add(new Failure(listener, error));
	}

	List<Failure> failures() {
		return List.copyOf(this.failures);
	}

	/**
	 * One listener's failure.
	 *
	 * @param listener the listener id, usually the method
	 * @param error what it threw
	 */
	public record Failure(String listener, Throwable error) {

	}

}
