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
 * Opaque keys (course, usage, library keys) as small value types that check their syntax when built, so a key a
 * Python consumer could not parse is refused in Java before it is sent. On the wire each is its string form.
 */
@NullMarked
package dev.openedx.eventbus.event.key;

import org.jspecify.annotations.NullMarked;
