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
 * The inbox (idempotent consumer): each received event id is recorded with the consumer group in the
 * {@code eventbus_inbox} table, in the listener's own transaction, so a duplicate delivery is recognised and not
 * dispatched again.
 */
@NullMarked
package dev.openedx.eventbus.inbox;

import org.jspecify.annotations.NullMarked;
