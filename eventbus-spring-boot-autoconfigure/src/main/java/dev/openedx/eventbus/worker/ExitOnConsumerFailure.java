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

package dev.openedx.eventbus.worker;

import java.util.function.IntConsumer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.log.LogAccessor;

/**
 * Closes the application context and ends the process with {@link EventBusExitCodes#FAILURE} when a worker fails,
 * for orchestrators that restart failed processes ({@code eventbus.consumer.exit-on-failure}).
 *
 * @since 0.1.0
 */
public final class ExitOnConsumerFailure implements ApplicationListener<EventBusConsumerFailedEvent> {

	private static final LogAccessor logger = new LogAccessor(ExitOnConsumerFailure.class);

	private final ApplicationContext context;

	private final IntConsumer exit;

	/**
	 * Create a listener that ends the JVM.
	 * @param context the context to close
	 */
	public ExitOnConsumerFailure(ApplicationContext context) {
		this(context, System::exit);
	}

	ExitOnConsumerFailure(ApplicationContext context, IntConsumer exit) {
		this.context = context;
		this.exit = exit;
	}

	@Override
	public void onApplicationEvent(EventBusConsumerFailedEvent event) {
		logger.error(() -> "Exiting because event bus worker " + event.getStatus().name()
				+ " failed (eventbus.consumer.exit-on-failure=true)");
		// Not on the failed worker's thread: closing the context stops the workers and waits for their threads.
		Thread exiter = new Thread(() -> this.exit
			.accept(SpringApplication.exit(this.context, () -> EventBusExitCodes.FAILURE)), "eventbus-exit");
		exiter.start();
	}

}
