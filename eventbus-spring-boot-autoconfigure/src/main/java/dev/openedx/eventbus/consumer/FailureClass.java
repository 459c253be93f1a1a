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
 * What a failure on the consume path means for the message and the worker, as the {@link FailureClassifier} decides
 * it. Every failure is exactly one of these: there is no "retry for ever" and no silent skip.
 *
 * @since 0.2.0
 */
public enum FailureClass {

	/**
	 * Something outside the message is unavailable for now (broker, Redis, schema registry, or a listener's
	 * dependency when the listener throws {@link MessageDeferredException}):
	 * the message is kept, the worker backs off and tries again, up to {@code eventbus.consumer.max-transient-wait};
	 * past it the message is treated as {@link #PERMANENT}.
	 */
	TRANSIENT,

	/**
	 * The message cannot be handled, now or later: the failure policy records it (dead letter or log-and-skip) and the
	 * worker goes on with the next one.
	 */
	PERMANENT,

	/**
	 * The worker cannot go on at all (credentials refused, a permission missing): it ends in the failed state with the
	 * reason, without acknowledging or dead-lettering anything, and health reports it DOWN.
	 */
	FATAL

}
