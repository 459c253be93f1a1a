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

import java.util.function.IntConsumer;

import org.springframework.core.log.LogAccessor;

/**
 * Ends the process on a {@link FailureClassifier#endsProcess VirtualMachineError} (out of memory, an internal error
 * of the JVM): nothing in the heap can be trusted any more, so the worker neither goes on nor fails alone; it logs
 * the error and halts the JVM with {@value #EXIT_STATUS} ({@code EventBusExitCodes.FAILURE}), without running
 * shutdown hooks that could hang on a broken heap. The message in hand is not acknowledged, so it is delivered again
 * after the restart. Replaceable for tests.
 */
final class ProcessHalt {

	/** {@code EventBusExitCodes.FAILURE} (a package of a higher layer, so repeated here and held equal by a test). */
	static final int EXIT_STATUS = 1;

	private static final LogAccessor logger = new LogAccessor(ConsumerWorker.class);

	static final IntConsumer RUNTIME_HALT = (status) -> Runtime.getRuntime().halt(status);

	private volatile IntConsumer halt = RUNTIME_HALT;

	void replace(IntConsumer halt) {
		this.halt = halt;
	}

	/**
	 * Log and halt; returns only when the halt was replaced (a test).
	 * @param worker the worker name
	 * @param where what the worker was doing, with the message's coordinates if any
	 * @param error the error
	 */
	void halt(String worker, String where, Throwable error) {
		try {
			logger.fatal(error, "Worker " + worker + " ends the process (exit status " + EXIT_STATUS + ") on " + error
					+ " while " + where + "; the message in hand is not acknowledged and is delivered again");
		}
		catch (Throwable ex) {
			// Out of memory may fail the log line too: halting matters more.
		}
		finally {
			this.halt.accept(EXIT_STATUS);
		}
	}

}
