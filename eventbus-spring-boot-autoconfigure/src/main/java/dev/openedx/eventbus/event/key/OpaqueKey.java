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

package dev.openedx.eventbus.event.key;

/**
 * An Open edX opaque key (openedx/opaque-keys): a value with a canonical string form {@code <namespace>:<body>}
 * (or a deprecated form), which is what travels on the bus. Implementations are immutable, compare by their string
 * form, and have a {@code public static X of(String)} factory that checks the syntax the way the Python class's
 * {@code from_string} does and throws {@link InvalidOpaqueKeyException} otherwise. The codec finds that factory once
 * per key class.
 *
 * @since 0.1.0
 */
public interface OpaqueKey {

	/**
	 * The canonical string form, exactly what Python's {@code str(key)} gives.
	 * @return the key text, never {@code null}
	 */
	@Override
	String toString();

}
