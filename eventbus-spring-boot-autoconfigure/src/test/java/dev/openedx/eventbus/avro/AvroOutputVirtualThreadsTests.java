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

package dev.openedx.eventbus.avro;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.core.task.VirtualThreadTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoder's buffer is kept per platform thread (pooled, long-lived) and never per virtual thread (one per task:
 * a kept buffer would stay with every live virtual thread).
 */
class AvroOutputVirtualThreadsTests {

	@Test
	void aPlatformThreadReusesItsBuffer() {
		AvroOutput first = AvroOutput.acquire();
		first.release();
		AvroOutput second = AvroOutput.acquire();
		second.release();
		assertThat(second).isSameAs(first);
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads exist from Java 21 on; the "
			+ "java-21-tests profile runs this class on a Java 21+ JVM")
	void aVirtualThreadKeepsNoBuffer() throws Exception {
		CompletableFuture<Boolean> fresh = new CompletableFuture<>();
		Thread thread = new VirtualThreadTaskExecutor().getVirtualThreadFactory().newThread(() -> {
			AvroOutput first = AvroOutput.acquire();
			first.release();
			AvroOutput second = AvroOutput.acquire();
			second.release();
			fresh.complete(first != second && VirtualThreads.isVirtual(Thread.currentThread()));
		});
		thread.start();
		assertThat(fresh.get(10, TimeUnit.SECONDS)).isTrue();
	}

}
