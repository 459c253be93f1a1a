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

package dev.openedx.eventbus.sample.producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Stands in for the LMS user table: gives each user name a stable numeric id, as Open edX's {@code UserData.id}.
 */
@Component
final class Learners {

	private final Map<String, Long> ids = new ConcurrentHashMap<>();

	private final AtomicLong next = new AtomicLong(1000);

	long idOf(String username) {
		return this.ids.computeIfAbsent(username, (name) -> this.next.incrementAndGet());
	}

}
