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

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.KeySyntax.Refusal;

/**
 * What every key class of this package shares: a key is its string form (kept, because the codec writes it for every
 * event), equals only keys of its own class with the same form, and its factories turn a {@link Refusal} of
 * {@link KeySyntax} into an {@link InvalidOpaqueKeyException} that quotes the whole text.
 */
abstract sealed class AbstractOpaqueKey implements OpaqueKey permits CourseKey, UsageKey, CcxLocator, LibraryLocatorV2,
		LibraryItemKey {

	private final String text;

	AbstractOpaqueKey(String text) {
		this.text = text;
	}

	/**
	 * Parse key text: the body of a public {@code of(String)}.
	 * @param parser a method reference, so that a parse allocates no lambda
	 */
	static <K> K parse(String value, String keyType, String forms, Function<String, K> parser) {
		Objects.requireNonNull(value, keyType + " text must not be null");
		try {
			return parser.apply(value);
		}
		catch (Refusal ex) {
			throw new InvalidOpaqueKeyException(keyType, value, forms, ex.getMessage());
		}
	}

	/**
	 * Build a key from its parts: the body of a public {@code of(parts...)}.
	 * @param text the key text the parts make, which the exception quotes
	 */
	static <K> K build(String text, String keyType, String forms, Supplier<K> builder) {
		try {
			return builder.get();
		}
		catch (Refusal ex) {
			throw new InvalidOpaqueKeyException(keyType, text, forms, ex.getMessage());
		}
	}

	@Override
	public final boolean equals(@Nullable Object other) {
		return (this == other) || (other != null && other.getClass() == getClass()
				&& this.text.equals(((AbstractOpaqueKey) other).text));
	}

	@Override
	public final int hashCode() {
		return this.text.hashCode();
	}

	@Override
	public final String toString() {
		return this.text;
	}

}
