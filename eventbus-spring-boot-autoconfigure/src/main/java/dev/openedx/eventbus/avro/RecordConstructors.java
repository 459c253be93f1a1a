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

/**
 * Record canonical constructors as plain interface calls, so that decoding builds records with {@code new} rather
 * than through a method handle (which cannot be inlined when it is not a constant, and allocates through
 * {@code Unsafe}). {@link java.lang.invoke.LambdaMetafactory} implements the one {@code create} overload of
 * {@link Constructor} whose arity is the record's; the others are never called, because {@link #construct}
 * dispatches on the number of values, which is the record's arity. Records with more than {@value #MAX_ARITY}
 * components use a spreading method handle instead.
 */
final class RecordConstructors {

	/** The largest number of components a record may have to be built through {@link Constructor}. */
	static final int MAX_ARITY = 24;

	private RecordConstructors() {
	}

	static Object construct(Constructor constructor, Object[] v) {
		return switch (v.length) {
			case 0 -> constructor.create();
			case 1 -> constructor.create(v[0]);
			case 2 -> constructor.create(v[0], v[1]);
			case 3 -> constructor.create(v[0], v[1], v[2]);
			case 4 -> constructor.create(v[0], v[1], v[2], v[3]);
			case 5 -> constructor.create(v[0], v[1], v[2], v[3], v[4]);
			case 6 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5]);
			case 7 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
			case 8 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
			case 9 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
			case 10 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
			case 11 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
			case 12 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11]);
			case 13 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12]);
			case 14 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13]);
			case 15 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14]);
			case 16 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14], v[15]);
			case 17 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14], v[15], v[16]);
			case 18 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14], v[15], v[16], v[17]);
			case 19 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18]);
			case 20 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19]);
			case 21 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20]);
			case 22 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21]);
			case 23 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22]);
			case 24 -> constructor.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23]);
			default -> throw new IllegalArgumentException("No create method for " + v.length + " values");
		};
	}

	/**
	 * Public only because the lambda class implementing it is defined in the record's package; it is not part of
	 * the API (its enclosing class is package-private).
	 */
	public interface Constructor {

		Object create();

		Object create(Object v0);

		Object create(Object v0, Object v1);

		Object create(Object v0, Object v1, Object v2);

		Object create(Object v0, Object v1, Object v2, Object v3);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13, Object v14);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13, Object v14, Object v15);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13, Object v14, Object v15,
				Object v16);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13, Object v14, Object v15,
				Object v16, Object v17);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13, Object v14, Object v15,
				Object v16, Object v17, Object v18);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13, Object v14, Object v15,
				Object v16, Object v17, Object v18, Object v19);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13, Object v14, Object v15,
				Object v16, Object v17, Object v18, Object v19, Object v20);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13, Object v14, Object v15,
				Object v16, Object v17, Object v18, Object v19, Object v20, Object v21);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13, Object v14, Object v15,
				Object v16, Object v17, Object v18, Object v19, Object v20, Object v21, Object v22);

		Object create(Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7,
				Object v8, Object v9, Object v10, Object v11, Object v12, Object v13, Object v14, Object v15,
				Object v16, Object v17, Object v18, Object v19, Object v20, Object v21, Object v22, Object v23);

	}

}
