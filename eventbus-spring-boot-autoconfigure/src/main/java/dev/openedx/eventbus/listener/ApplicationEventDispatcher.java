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

import java.util.List;
import java.util.Objects;

import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Re-fires every event a worker received as an application event, to the {@code @OpenEdxEventListener} methods and
 * to any {@code @EventListener} that takes the {@link OpenEdxEvent}. Every {@code @OpenEdxEventListener} method runs
 * even when another one fails (Python's {@code send_robust}); then one failure is rethrown as is, several together
 * as an {@link EventListenersFailedException}, so the worker's retry and failure policy see them. A plain
 * {@code @EventListener} that throws stops the listeners after it, as Spring's multicaster does.
 * <p>
 * With an asynchronous application event multicaster, listeners run after this returns and the worker acknowledges
 * messages before they are handled; keep the default synchronous multicaster for consuming applications.
 *
 * @since 0.1.0
 */
public final class ApplicationEventDispatcher implements EventDispatcher {

	private final ApplicationEventPublisher publisher;

	/**
	 * Create a dispatcher.
	 * @param publisher the application event publisher, must not be {@code null}
	 */
	public ApplicationEventDispatcher(ApplicationEventPublisher publisher) {
		this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
	}

	@Override
	public void dispatch(OpenEdxEvent<?> event) throws Exception {
		ListenerFailures scope = ListenerFailures.begin();
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			scope.add("application listener", ex);
		}
		finally {
			scope.end();
		}
		List<ListenerFailures.Failure> failures = scope.failures();
		if (failures.size() == 1) {
			Throwable error = failures.get(0).error();
			if (error instanceof Exception exception) {
				throw exception;
			}
			throw (Error) error;
		}
		if (!failures.isEmpty()) {
			throw new EventListenersFailedException(event, failures);
		}
	}

}
