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

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Function;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.UnserializableEventException;
import dev.openedx.eventbus.event.key.OpaqueKey;

/**
 * Derives the Avro schema and the codec tree of one event type from its data record, following openedx-events'
 * schema builder: a top-level record {@code CloudEvent} in the event type's namespace with the fixed doc string and
 * one field named after the data key, nested records named after their class with no namespace or doc of their own,
 * fields in component order, {@code @Nullable} components as {@code ["null", T]} with default {@code null}, and each
 * record class defined at its first occurrence and referred to by name after that.
 */
final class SchemaDerivation {

	/** The doc of every top-level schema, exactly as openedx-events writes it. */
	static final String DOC = "Avro Event Format for CloudEvents created with openedx_events/schema";

	static final String TOP_LEVEL_NAME = "CloudEvent";

	private static final String SUPPORTED = "supported: String, long, int, double, boolean (and their boxes), "
			+ "OffsetDateTime, UUID, opaque keys with a static of(String), List<T>, Map<String, V> and records";

	private final EventType<?> eventType;

	private final Map<Class<?>, RecordCodec> records = new LinkedHashMap<>();

	private final Map<String, Class<?>> recordNames = new HashMap<>();

	private SchemaDerivation(EventType<?> eventType) {
		this.eventType = eventType;
	}

	/**
	 * Derive the model of a bus-capable event type.
	 * @throws UnserializableEventException naming the event type and field path when a type has no Avro mapping
	 */
	static EventTypeModel derive(EventType<?> eventType) {
		SchemaDerivation derivation = new SchemaDerivation(eventType);
		ValueCodec data = derivation.classCodec(eventType.dataType(), eventType.dataKey());
		Set<RecordCodec> done = new HashSet<>();
		for (RecordCodec record : derivation.records.values()) {
			record.computeMinimumSize(done);
		}
		Schema schema = Schema.createRecord(TOP_LEVEL_NAME, DOC, eventType.type(), false);
		try {
			schema.setFields(List.of(new Schema.Field(eventType.dataKey(), data.schema())));
		}
		catch (AvroRuntimeException ex) {
			throw derivation.unserializable(eventType.dataKey(), "Avro refuses the schema: " + ex.getMessage());
		}
		return new EventTypeModel(eventType, schema, data);
	}

	private ValueCodec codec(AnnotatedType annotated, String path) {
		Type type = annotated.getType();
		if (type instanceof Class<?> type1) {
			return classCodec(type1, path);
		}
		if (type instanceof ParameterizedType parameterized && annotated instanceof AnnotatedParameterizedType generic) {
			Class<?> raw = (Class<?>) parameterized.getRawType();
			AnnotatedType[] arguments = generic.getAnnotatedActualTypeArguments();
			if (raw == List.class) {
				return new ListCodec(elementCodec(arguments[0], path + "[]"));
			}
			if (raw == Map.class || raw == SortedMap.class) {
				if (arguments[0].getType() != String.class) {
					throw unserializable(path, "has type " + type.getTypeName()
							+ "; Avro maps (and Python dicts on the bus) only have String keys");
				}
				return new MapCodec(elementCodec(arguments[1], path + "[]"));
			}
		}
		throw unserializable(path, "has type " + type.getTypeName() + ", which has no Avro mapping (" + SUPPORTED + ")");
	}

	private ValueCodec elementCodec(AnnotatedType annotated, String path) {
		if (isNullable(annotated, null)) {
			throw unserializable(path, "has a @Nullable element type; openedx-events has no nullable array items or "
					+ "map values (make the whole component @Nullable instead)");
		}
		return codec(annotated, path);
	}

	private ValueCodec classCodec(Class<?> type, String path) {
		if (type == String.class) {
			return PrimitiveCodec.STRING;
		}
		if (type == long.class || type == Long.class) {
			return PrimitiveCodec.LONG;
		}
		if (type == int.class || type == Integer.class) {
			return PrimitiveCodec.INT;
		}
		if (type == double.class || type == Double.class) {
			return PrimitiveCodec.DOUBLE;
		}
		if (type == boolean.class || type == Boolean.class) {
			return PrimitiveCodec.BOOLEAN;
		}
		if (type == OffsetDateTime.class) {
			return ScalarCodec.DateTimeCodec.INSTANCE;
		}
		if (type == UUID.class) {
			return ScalarCodec.UuidCodec.INSTANCE;
		}
		if (OpaqueKey.class.isAssignableFrom(type)) {
			return new ScalarCodec.OpaqueKeyCodec(type, keyFactory(type, path));
		}
		if (type.isRecord()) {
			return recordCodec(type, path);
		}
		if (type == List.class || type == Map.class || type == SortedMap.class) {
			throw unserializable(path, "has the raw type " + type.getName()
					+ " without type arguments; declare the item type, for example List<String>");
		}
		if (InputStream.class.isAssignableFrom(type)) {
			throw unserializable(path, "has type " + type.getName() + " (Python typing.BinaryIO), which has no Avro "
					+ "mapping, as in openedx-events");
		}
		throw unserializable(path, "has type " + type.getName() + ", which has no Avro mapping (" + SUPPORTED + ")");
	}

	private RecordCodec recordCodec(Class<?> type, String path) {
		RecordCodec existing = this.records.get(type);
		if (existing != null) {
			return existing;
		}
		String name = WireNames.of(type);
		if (!WireNames.isValidAvroName(name)) {
			throw unserializable(path, "is record " + type.getName() + ", whose wire name '" + name
					+ "' is not a valid Avro name");
		}
		Class<?> clash = this.recordNames.putIfAbsent(name, type);
		if (clash != null || name.equals(TOP_LEVEL_NAME)) {
			throw unserializable(path, "is record " + type.getName() + ", whose Avro name '" + name
					+ "' is already taken in this event type by " + ((clash != null) ? clash.getName()
							: "the top-level record") + "; give one of them another name with @WireName");
		}
		RecordAccessors accessors;
		try {
			accessors = RecordAccessors.of(type);
		}
		catch (RuntimeException ex) {
			throw unserializable(path, "is record " + type.getName() + ", which cannot be read: " + ex.getMessage());
		}
		Schema schema = Schema.createRecord(name, null, this.eventType.type(), false);
		RecordCodec codec = new RecordCodec(accessors, schema);
		this.records.put(type, codec);
		RecordComponent[] components = accessors.components();
		List<FieldCodec> fields = new ArrayList<>(components.length);
		List<Schema.Field> schemaFields = new ArrayList<>(components.length);
		Set<String> fieldNames = new HashSet<>();
		for (int i = 0; i < components.length; i++) {
			RecordComponent component = components[i];
			String fieldName = WireNames.of(component);
			String fieldPath = path + "." + fieldName;
			if (!WireNames.isValidAvroName(fieldName)) {
				throw unserializable(fieldPath, "is not a valid Avro field name (component " + component.getName()
						+ " of " + type.getName() + ")");
			}
			if (!fieldNames.add(fieldName)) {
				throw unserializable(fieldPath, "is the wire name of two components of " + type.getName());
			}
			boolean nullable = isNullable(component.getAnnotatedType(), component);
			if (nullable && component.getType().isPrimitive()) {
				throw unserializable(fieldPath, "is a @Nullable primitive; use the boxed type");
			}
			ValueCodec valueCodec = codec(component.getAnnotatedType(), fieldPath);
			if (nullable) {
				valueCodec = new NullableCodec(valueCodec);
			}
			fields.add(FieldCodec.of(fieldName, valueCodec, nullable, accessors.getter(i), accessors.boxedGetter(i)));
			schemaFields.add(new Schema.Field(fieldName, valueCodec.schema(), null,
					nullable ? Schema.Field.NULL_DEFAULT_VALUE : null));
		}
		schema.setFields(schemaFields);
		codec.setFields(fields);
		return codec;
	}

	/**
	 * JSpecify's type-use {@code @Nullable} (the convention), or any annotation named {@code Nullable} on the type
	 * use or the component, so that other nullness annotation libraries work too.
	 */
	private static boolean isNullable(AnnotatedType annotated, @Nullable RecordComponent component) {
		return hasNullable(annotated) || (component != null && hasNullable(component));
	}

	private static boolean hasNullable(AnnotatedElement element) {
		for (Annotation annotation : element.getAnnotations()) {
			if (annotation.annotationType().getSimpleName().equals("Nullable")) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private Function<String, Object> keyFactory(Class<?> keyClass, String path) {
		Method factory;
		try {
			factory = keyClass.getMethod("of", String.class);
		}
		catch (NoSuchMethodException ex) {
			factory = null;
		}
		if (factory == null || !Modifier.isStatic(factory.getModifiers())
				|| !keyClass.isAssignableFrom(factory.getReturnType())) {
			throw unserializable(path, "has opaque key type " + keyClass.getName()
					+ ", which has no public static " + keyClass.getSimpleName() + " of(String) factory");
		}
		try {
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(keyClass, MethodHandles.lookup());
			MethodHandle handle = lookup.unreflect(factory);
			if (lookup.hasFullPrivilegeAccess()) {
				try {
					CallSite site = LambdaMetafactory.metafactory(lookup, "apply",
							MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
							handle, MethodType.methodType(factory.getReturnType(), String.class));
					return (Function<String, Object>) site.getTarget().invoke();
				}
				catch (Throwable ex) {
					// Falls back to the method handle below.
				}
			}
			MethodHandle typed = handle.asType(MethodType.methodType(Object.class, String.class));
			return (text) -> {
				try {
					return (Object) typed.invokeExact(text);
				}
				catch (RuntimeException | Error ex) {
					throw ex;
				}
				catch (Throwable ex) {
					throw new IllegalStateException(ex);
				}
			};
		}
		catch (IllegalAccessException ex) {
			throw unserializable(path, "has opaque key type " + keyClass.getName() + ", whose of(String) factory is "
					+ "not accessible: " + ex.getMessage());
		}
	}

	private UnserializableEventException unserializable(String path, String reason) {
		return new UnserializableEventException(this.eventType.type(), "field '" + path + "' " + reason);
	}

}
