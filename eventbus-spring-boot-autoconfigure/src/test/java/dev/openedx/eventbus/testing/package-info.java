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
 * JUnit extensions for the tests that need a broker: the in-process Kafka broker and schema registry, and the shared
 * redis-server, injected into annotated fields and closed after their class or test; a log capture; and scratch
 * databases on the machine's PostgreSQL and MariaDB, and H2.
 */
@NullMarked
package dev.openedx.eventbus.testing;

import org.jspecify.annotations.NullMarked;
