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

/**
 * The process exit codes of the event bus commands and of {@code eventbus.consumer.exit-on-failure}. Unlike the
 * Python management commands, which exit 0 whatever happened, a failure gives a non-zero code so that supervisors
 * that restart only failed processes do restart them.
 *
 * @since 0.1.0
 */
public final class EventBusExitCodes {

	/** The command did what was asked: {@code --max-events} reached, every event sent, or stopped on request. */
	public static final int SUCCESS = 0;

	/**
	 * A consumer stopped in the failed state (consecutive-errors limit, a failure that could not be recorded, a source
	 * that could not start), or a send failed.
	 */
	public static final int FAILURE = 1;

	/** The command line was wrong: unknown option, missing argument, bad {@code --extra} key or value. */
	public static final int USAGE = 2;

	private EventBusExitCodes() {
	}

}
