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

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The accessors and canonical constructor of one record class, resolved once per class (and shared by every event
 * type that uses the class). Accessors become small lambda classes through {@link LambdaMetafactory}, so reading a
 * component is a plain interface call, primitives unboxed; the constructor is a spreading {@link MethodHandle}.
 * Where the record's package does not allow a full-privilege lookup (a named module that does not open it), plain
 * method handles are used instead.
 */
final class RecordAccessors {

	private static final ClassValue<RecordAccessors> CACHE = new ClassValue<>() {

		@Override
		protected RecordAccessors computeValue(Class<?> type) {
			return new RecordAccessors(type);
		}

	};

	private final Class<?> recordClass;

	private final RecordComponent[] components;

	private final Object[] getters;

	private final MethodHandle constructor;

	private final RecordConstructors.Constructor fastConstructor;

	private RecordAccessors(Class<?> recordClass) {
		this.recordClass = recordClass;
		this.components = recordClass.getRecordComponents();
		MethodHandles.Lookup lookup = lookup(recordClass);
		this.getters = new Object[this.components.length];
		Class<?>[] parameterTypes = new Class<?>[this.components.length];
		for (int i = 0; i < this.components.length; i++) {
			this.getters[i] = getter(lookup, recordClass, this.components[i].getAccessor());
			parameterTypes[i] = this.components[i].getType();
		}
		MethodHandle canonical;
		try {
			canonical = lookup.findConstructor(recordClass, MethodType.methodType(void.class, parameterTypes));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot access the canonical constructor of record "
					+ recordClass.getName() + ": " + ex.getMessage(), ex);
		}
		this.constructor = canonical.asSpreader(Object[].class, parameterTypes.length)
			.asType(MethodType.methodType(Object.class, Object[].class));
		this.fastConstructor = fastConstructor(lookup, recordClass, canonical, parameterTypes);
	}

	private static RecordConstructors.Constructor fastConstructor(MethodHandles.Lookup lookup, Class<?> recordClass,
			MethodHandle canonical, Class<?>[] parameterTypes) {
		if (parameterTypes.length > RecordConstructors.MAX_ARITY || !lookup.hasFullPrivilegeAccess()) {
			return null;
		}
		Class<?>[] objects = new Class<?>[parameterTypes.length];
		Class<?>[] boxed = new Class<?>[parameterTypes.length];
		for (int i = 0; i < parameterTypes.length; i++) {
			objects[i] = Object.class;
			boxed[i] = MethodType.methodType(parameterTypes[i]).wrap().returnType();
		}
		try {
			CallSite site = LambdaMetafactory.metafactory(lookup, "create",
					MethodType.methodType(RecordConstructors.Constructor.class),
					MethodType.methodType(Object.class, objects), canonical, MethodType.methodType(recordClass, boxed));
			return (RecordConstructors.Constructor) site.getTarget().invoke();
		}
		catch (Throwable ex) {
			// The spreading method handle does the same, more slowly.
			return null;
		}
	}

	static RecordAccessors of(Class<?> recordClass) {
		return CACHE.get(recordClass);
	}

	RecordComponent[] components() {
		return this.components.clone();
	}

	/**
	 * The getter of a component: a {@link ToLongFunction}, {@link ToIntFunction}, {@link ToDoubleFunction} or
	 * {@link Predicate} for {@code long}, {@code int}, {@code double} and {@code boolean} components, a
	 * {@code Function<Object, Object>} otherwise.
	 */
	Object getter(int index) {
		return this.getters[index];
	}

	/**
	 * A boxing getter of any component, for the paths that are not performance critical.
	 */
	@SuppressWarnings("unchecked")
	Function<Object, Object> boxedGetter(int index) {
		Object getter = this.getters[index];
		if (getter instanceof ToLongFunction<?> longGetter) {
			ToLongFunction<Object> typed = (ToLongFunction<Object>) longGetter;
			return (record) -> typed.applyAsLong(record);
		}
		if (getter instanceof ToIntFunction<?> intGetter) {
			ToIntFunction<Object> typed = (ToIntFunction<Object>) intGetter;
			return (record) -> typed.applyAsInt(record);
		}
		if (getter instanceof ToDoubleFunction<?> doubleGetter) {
			ToDoubleFunction<Object> typed = (ToDoubleFunction<Object>) doubleGetter;
			return (record) -> typed.applyAsDouble(record);
		}
		if (getter instanceof Predicate<?> booleanGetter) {
			Predicate<Object> typed = (Predicate<Object>) booleanGetter;
			return typed::test;
		}
		return (Function<Object, Object>) getter;
	}

	/**
	 * Build a record from its component values, in component order (primitives boxed).
	 * @throws Throwable whatever the canonical constructor throws
	 */
	Object construct(Object[] values) throws Throwable {
		if (this.fastConstructor != null) {
			return RecordConstructors.construct(this.fastConstructor, values);
		}
		return (Object) this.constructor.invokeExact(values);
	}

	Class<?> recordClass() {
		return this.recordClass;
	}

	/**
	 * Whether records are built with a generated constructor call rather than the slower method handle.
	 */
	boolean hasGeneratedConstructor() {
		return this.fastConstructor != null;
	}

	/**
	 * Whether every component is read through a lambda class generated in the record's nest rather than through a
	 * method handle.
	 */
	boolean hasGeneratedGetters() {
		for (Object getter : this.getters) {
			if (getter.getClass().getNestHost() != this.recordClass) {
				return false;
			}
		}
		return true;
	}

	private static MethodHandles.Lookup lookup(Class<?> recordClass) {
		try {
			return MethodHandles.privateLookupIn(recordClass, MethodHandles.lookup());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Record " + recordClass.getName() + " is not accessible to the event bus"
					+ " codec; open its package to dev.openedx.eventbus (" + ex.getMessage() + ")", ex);
		}
	}

	private static Object getter(MethodHandles.Lookup lookup, Class<?> recordClass, Method accessor) {
		MethodHandle handle;
		try {
			handle = lookup.unreflect(accessor);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot access accessor " + accessor + ": " + ex.getMessage(), ex);
		}
		Class<?> type = accessor.getReturnType();
		if (lookup.hasFullPrivilegeAccess()) {
			try {
				return lambda(lookup, recordClass, handle, type);
			}
			catch (Throwable ex) {
				// Falls back to a method handle below; slower, but always possible with this lookup.
			}
		}
		return handleGetter(handle, type);
	}

	private static Object lambda(MethodHandles.Lookup lookup, Class<?> recordClass, MethodHandle handle,
			Class<?> type) throws Throwable {
		Class<?> samType;
		String samName;
		Class<?> samReturn;
		if (type == long.class) {
			samType = ToLongFunction.class;
			samName = "applyAsLong";
			samReturn = long.class;
		}
		else if (type == int.class) {
			samType = ToIntFunction.class;
			samName = "applyAsInt";
			samReturn = int.class;
		}
		else if (type == double.class) {
			samType = ToDoubleFunction.class;
			samName = "applyAsDouble";
			samReturn = double.class;
		}
		else if (type == boolean.class) {
			samType = Predicate.class;
			samName = "test";
			samReturn = boolean.class;
		}
		else {
			samType = Function.class;
			samName = "apply";
			samReturn = Object.class;
		}
		CallSite site = LambdaMetafactory.metafactory(lookup, samName, MethodType.methodType(samType),
				MethodType.methodType(samReturn, Object.class), handle,
				MethodType.methodType(type, recordClass));
		return site.getTarget().invoke();
	}

	private static Object handleGetter(MethodHandle handle, Class<?> type) {
		if (type == long.class) {
			MethodHandle typed = handle.asType(MethodType.methodType(long.class, Object.class));
			return (ToLongFunction<Object>) (record) -> invokeLong(typed, record);
		}
		if (type == int.class) {
			MethodHandle typed = handle.asType(MethodType.methodType(int.class, Object.class));
			return (ToIntFunction<Object>) (record) -> invokeInt(typed, record);
		}
		if (type == double.class) {
			MethodHandle typed = handle.asType(MethodType.methodType(double.class, Object.class));
			return (ToDoubleFunction<Object>) (record) -> invokeDouble(typed, record);
		}
		if (type == boolean.class) {
			MethodHandle typed = handle.asType(MethodType.methodType(boolean.class, Object.class));
			return (Predicate<Object>) (record) -> invokeBoolean(typed, record);
		}
		MethodHandle typed = handle.asType(MethodType.methodType(Object.class, Object.class));
		return (Function<Object, Object>) (record) -> invokeObject(typed, record);
	}

	private static long invokeLong(MethodHandle handle, Object record) {
		try {
			return (long) handle.invokeExact(record);
		}
		catch (Throwable ex) {
			throw rethrow(ex);
		}
	}

	private static int invokeInt(MethodHandle handle, Object record) {
		try {
			return (int) handle.invokeExact(record);
		}
		catch (Throwable ex) {
			throw rethrow(ex);
		}
	}

	private static double invokeDouble(MethodHandle handle, Object record) {
		try {
			return (double) handle.invokeExact(record);
		}
		catch (Throwable ex) {
			throw rethrow(ex);
		}
	}

	private static boolean invokeBoolean(MethodHandle handle, Object record) {
		try {
			return (boolean) handle.invokeExact(record);
		}
		catch (Throwable ex) {
			throw rethrow(ex);
		}
	}

	private static Object invokeObject(MethodHandle handle, Object record) {
		try {
			return (Object) handle.invokeExact(record);
		}
		catch (Throwable ex) {
			throw rethrow(ex);
		}
	}

	private static RuntimeException rethrow(Throwable ex) {
		if (ex instanceof RuntimeException runtime) {
			return runtime;
		}
		if (ex instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(ex);
	}

}
