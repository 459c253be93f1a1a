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

import java.io.EOFException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * A failure inside the codec tree, unwinding to the event type level. Each record, array and map it passes through
 * prepends its field name, index or key, so shared record codecs (one {@code UserData} codec serves both
 * {@code user} and {@code created_by}) still report the exact dotted path, at no cost when nothing fails.
 */
final class FieldFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	enum Kind {

		/** A required field holds {@code null}. */
		NULL_REQUIRED,

		/** The input ended before the value. */
		TRUNCATED,

		/** The bytes or JSON are not a valid encoding of the value. */
		MALFORMED,

		/** The value is well formed but not acceptable (an opaque key or date-time that does not parse). */
		INVALID_VALUE

	}

	private final Kind kind;

	private final Deque<String> segments = new ArrayDeque<>();

	private FieldFailure(Kind kind, String reason, @Nullable Throwable cause) {
		super(reason, cause, false, false);
		this.kind = kind;
	}

	static FieldFailure nullRequired() {
		return new FieldFailure(Kind.NULL_REQUIRED,
				"is null, but it is required (only components declared @Nullable may be null)", null);
	}

	static FieldFailure missing() {
		return new FieldFailure(Kind.MALFORMED, "is missing, but it is required", null);
	}

	static FieldFailure truncated(String reason) {
		return new FieldFailure(Kind.TRUNCATED, reason, null);
	}

	static FieldFailure malformed(String reason) {
		return new FieldFailure(Kind.MALFORMED, reason, null);
	}

	static FieldFailure invalid(String reason, @Nullable Throwable cause) {
		return new FieldFailure(Kind.INVALID_VALUE, reason, cause);
	}

	/**
	 * Turn whatever a codec threw into a failure: end of input is truncation, anything else malformed input
	 * (an encoder never fails on its in-memory buffer, so on the write side this is a value of the wrong type).
	 */
	static FieldFailure of(Throwable ex) {
		if (ex instanceof FieldFailure failure) {
			return failure;
		}
		if (ex instanceof EOFException) {
			return new FieldFailure(Kind.TRUNCATED, "is truncated: the input ended inside this field", ex);
		}
		if (ex instanceof ClassCastException) {
			return new FieldFailure(Kind.INVALID_VALUE, "holds a value of the wrong type: " + ex.getMessage(), ex);
		}
		String message = ex.getMessage();
		return new FieldFailure(Kind.MALFORMED,
				"is malformed: " + ((message != null) ? message : ex.getClass().getSimpleName()), ex);
	}

	/**
	 * Prepend a path segment: a field name, or {@code [index]} / {@code [key]} for array and map entries.
	 */
	FieldFailure at(String segment) {
		this.segments.addFirst(segment);
		return this;
	}

	Kind kind() {
		return this.kind;
	}

	String path() {
		StringBuilder sb = new StringBuilder();
		for (String segment : this.segments) {
			if (sb.length() > 0 && !segment.startsWith("[")) {
				sb.append('.');
			}
			sb.append(segment);
		}
		return sb.toString();
	}

	/**
	 * The message the public exceptions carry: {@code field 'enrollment.user.pii.email' is null, ...}.
	 */
	String describe() {
		return "field '" + path() + "' " + getMessage();
	}

}
