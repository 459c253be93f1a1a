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

/**
 * Test support for services that use the event bus starter: {@link AutoConfigureInMemoryEventBus} (an in-memory
 * transport that still runs the real codec and the real consume path), {@link PublishedEvents} (what went to the
 * bus, AssertJ-style), {@link InboundEvents} (events as if another service had sent them, and what became of them)
 * and {@link EmbeddedEventBus} (a real in-process Kafka broker and schema registry, no Docker).
 */
@NullMarked
package dev.openedx.eventbus.test;

import org.jspecify.annotations.NullMarked;
