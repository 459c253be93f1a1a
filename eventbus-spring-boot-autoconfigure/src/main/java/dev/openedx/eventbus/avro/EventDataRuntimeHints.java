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

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;

import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.key.OpaqueKey;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ReflectionUtils;

/**
 * The reflection the Avro codec does on event data, declared for AOT processing and native images: the records of
 * every event type of the Open edX catalog (canonical constructor, component accessors, recursively through nested
 * records, lists and maps) and the {@code of(String)} factory of each opaque key type they hold. Registered in
 * {@code META-INF/spring/aot.factories}; the listener methods and the data types an application's own listeners take
 * are declared by {@code OpenEdxEventListenerAotProcessor} with {@link #registerDataType}.
 *
 * @since 0.1.0
 */
public final class EventDataRuntimeHints implements RuntimeHintsRegistrar {

	private static final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (EventType<?> type : OpenEdxCatalog.all()) {
			registerDataType(hints, type.dataType());
		}
	}

	/**
	 * Declare what the codec reflects on to encode and decode one data type.
	 * @param hints the hints to add to
	 * @param dataType the event data record
	 */
	public static void registerDataType(RuntimeHints hints, Class<?> dataType) {
		bindings.registerReflectionHints(hints.reflection(), dataType);
		registerKeyFactories(hints, dataType, new HashSet<>());
	}

	private static void registerKeyFactories(RuntimeHints hints, Type type, Set<Type> seen) {
		if (!seen.add(type)) {
			return;
		}
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				registerKeyFactories(hints, argument, seen);
			}
			registerKeyFactories(hints, parameterized.getRawType(), seen);
			return;
		}
		if (!(type instanceof Class<?> cls)) {
			return;
		}
		if (OpaqueKey.class.isAssignableFrom(cls)) {
			Method factory = ReflectionUtils.findMethod(cls, "of", String.class);
			if (factory != null) {
				hints.reflection().registerMethod(factory, ExecutableMode.INVOKE);
			}
		}
		if (cls.isRecord()) {
			for (RecordComponent component : cls.getRecordComponents()) {
				registerKeyFactories(hints, component.getGenericType(), seen);
			}
		}
	}

}
