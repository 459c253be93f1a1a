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

/**
 * Life cycle of a consumer worker.
 *
 * @since 0.1.0
 */
public enum ConsumerState {

	/** Created, not started. */
	NEW,

	/** Polling and handling messages. */
	RUNNING,

	/** Stop requested; finishing the current message and acknowledging what was handled. */
	STOPPING,

	/** Stopped on request. */
	STOPPED,

	/**
	 * Stopped on its own: the consecutive-errors limit was reached, a failure could not be recorded, or the source
	 * could not start. A command-line worker exits non-zero in this state.
	 */
	FAILED

}
