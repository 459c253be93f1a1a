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

package dev.openedx.eventbus.consumer;

import java.util.Objects;

import dev.openedx.eventbus.event.EventBusException;
import org.jspecify.annotations.Nullable;

/**
 * A classified failure to handle one received message. Decoders throw it for bad input; the engine wraps listener
 * exceptions in it as {@link FailureKind#HANDLER_ERROR}.
 *
 * @since 0.1.0
 */
public class ConsumeFailureException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final FailureKind kind;

	public ConsumeFailureException(FailureKind kind, String message) {
		super(message);
		this.kind = Objects.requireNonNull(kind, "kind must not be null");
	}

	public ConsumeFailureException(FailureKind kind, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.kind = Objects.requireNonNull(kind, "kind must not be null");
	}

	public FailureKind kind() {
		return this.kind;
	}

}
