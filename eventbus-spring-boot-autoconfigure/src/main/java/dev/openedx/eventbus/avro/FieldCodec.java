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

import java.io.IOException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import org.apache.avro.io.Encoder;
import org.jspecify.annotations.Nullable;

/**
 * One record component bound to its accessor: reads the component from the record and writes it, or reads a value
 * for the canonical constructor. Components of type {@code long}, {@code int}, {@code double} and {@code boolean}
 * have their own subclasses so that writing them never boxes; reading boxes anyway (the constructor takes
 * {@code Object}s), so every field reads through its value codec.
 */
abstract class FieldCodec {

	private final String name;

	private final ValueCodec codec;

	private final boolean nullable;

	private final Function<Object, Object> boxedGetter;

	FieldCodec(String name, ValueCodec codec, boolean nullable, Function<Object, Object> boxedGetter) {
		this.name = name;
		this.codec = codec;
		this.nullable = nullable;
		this.boxedGetter = boxedGetter;
	}

	/**
	 * The field for a component.
	 * @param name the wire name
	 * @param codec the value codec, already wrapped in {@link NullableCodec} when nullable
	 * @param nullable whether the component is {@code @Nullable}
	 * @param getter the getter from {@link RecordAccessors#getter(int)}
	 * @param boxedGetter the boxing getter
	 */
	@SuppressWarnings("unchecked")
	static FieldCodec of(String name, ValueCodec codec, boolean nullable, Object getter,
			Function<Object, Object> boxedGetter) {
		if (getter instanceof ToLongFunction<?> typed) {
			return new LongField(name, codec, boxedGetter, (ToLongFunction<Object>) typed);
		}
		if (getter instanceof ToIntFunction<?> typed) {
			return new IntField(name, codec, boxedGetter, (ToIntFunction<Object>) typed);
		}
		if (getter instanceof ToDoubleFunction<?> typed) {
			return new DoubleField(name, codec, boxedGetter, (ToDoubleFunction<Object>) typed);
		}
		if (getter instanceof Predicate<?> typed) {
			return new BooleanField(name, codec, boxedGetter, (Predicate<Object>) typed);
		}
		return new ObjectField(name, codec, nullable, boxedGetter);
	}

	final String name() {
		return this.name;
	}

	/**
	 * The value codec ({@link NullableCodec} when the component is nullable).
	 */
	final ValueCodec codec() {
		return this.codec;
	}

	final boolean nullable() {
		return this.nullable;
	}

	/**
	 * The component value, boxed, possibly {@code null}.
	 */
	final @Nullable Object get(Object record) {
		return this.boxedGetter.apply(record);
	}

	abstract void write(Object record, Encoder out) throws IOException;

	/**
	 * The component value for the canonical constructor; primitives come back boxed, as the constructor call needs
	 * them.
	 */
	final @Nullable Object read(AvroInput in) throws IOException {
		return this.codec.read(in);
	}

	private static final class ObjectField extends FieldCodec {

		ObjectField(String name, ValueCodec codec, boolean nullable, Function<Object, Object> getter) {
			super(name, codec, nullable, getter);
		}

		@Override
		void write(Object record, Encoder out) throws IOException {
			Object value = get(record);
			if (value == null && !nullable()) {
				throw FieldFailure.nullRequired();
			}
			codec().write(value, out);
		}

	}

	private static final class LongField extends FieldCodec {

		private final ToLongFunction<Object> getter;

		LongField(String name, ValueCodec codec, Function<Object, Object> boxedGetter, ToLongFunction<Object> getter) {
			super(name, codec, false, boxedGetter);
			this.getter = getter;
		}

		@Override
		void write(Object record, Encoder out) throws IOException {
			out.writeLong(this.getter.applyAsLong(record));
		}

	}

	private static final class IntField extends FieldCodec {

		private final ToIntFunction<Object> getter;

		IntField(String name, ValueCodec codec, Function<Object, Object> boxedGetter, ToIntFunction<Object> getter) {
			super(name, codec, false, boxedGetter);
			this.getter = getter;
		}

		@Override
		void write(Object record, Encoder out) throws IOException {
			out.writeLong(this.getter.applyAsInt(record));
		}

	}

	private static final class DoubleField extends FieldCodec {

		private final ToDoubleFunction<Object> getter;

		DoubleField(String name, ValueCodec codec, Function<Object, Object> boxedGetter,
				ToDoubleFunction<Object> getter) {
			super(name, codec, false, boxedGetter);
			this.getter = getter;
		}

		@Override
		void write(Object record, Encoder out) throws IOException {
			out.writeDouble(this.getter.applyAsDouble(record));
		}

	}

	private static final class BooleanField extends FieldCodec {

		private final Predicate<Object> getter;

		BooleanField(String name, ValueCodec codec, Function<Object, Object> boxedGetter, Predicate<Object> getter) {
			super(name, codec, false, boxedGetter);
			this.getter = getter;
		}

		@Override
		void write(Object record, Encoder out) throws IOException {
			out.writeBoolean(this.getter.test(record));
		}

	}

}
