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

package dev.openedx.eventbus.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;

/**
 * Injects a resource into each field that carries the extension's annotation, as JUnit's {@code @TempDir} does: a
 * static field gets one for the test class (before any {@code @BeforeAll} method, closed after the last
 * {@code @AfterAll} one), an instance field one for each test (before {@code @BeforeEach}, closed after
 * {@code @AfterEach}). The test class keeps declaring the field with the resource's own type, so test code reads as
 * it did when each class started and closed its resources itself.
 *
 * @param <A> the field annotation
 */
public abstract class FieldResourceExtension<A extends Annotation> implements BeforeAllCallback, BeforeEachCallback {

	private final Class<A> annotationType;

	protected FieldResourceExtension(Class<A> annotationType) {
		this.annotationType = annotationType;
	}

	/**
	 * Open the resource for one field.
	 * @param annotation the field's annotation
	 * @param field the field, whose type the value must have
	 * @return the value to inject and what closes it
	 * @throws Exception when the resource cannot be opened
	 */
	protected abstract Resource open(A annotation, Field field) throws Exception;

	@Override
	public void beforeAll(ExtensionContext context) {
		inject(context, fields(context.getRequiredTestClass(), true), null);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
			inject(context, fields(instance.getClass(), false), instance);
		}
	}

	private List<Field> fields(Class<?> testClass, boolean isStatic) {
		return AnnotationSupport.findAnnotatedFields(testClass, this.annotationType,
				(field) -> ModifierSupport.isStatic(field) == isStatic);
	}

	private void inject(ExtensionContext context, List<Field> fields, Object instance) {
		ExtensionContext.Store store = context.getStore(Namespace.create(getClass()));
		for (Field field : fields) {
			if (ModifierSupport.isFinal(field)) {
				throw new ExtensionConfigurationException("@" + this.annotationType.getSimpleName() + " field "
						+ field + " must not be final");
			}
			// Keyed by field (and instance), so an extension registered twice still opens one resource per field.
			Resource resource = store.computeIfAbsent(List.of(field, (instance != null) ? instance : field),
					(key) -> openChecked(field), Resource.class);
			try {
				field.setAccessible(true);
				field.set(instance, resource.value());
			}
			catch (IllegalAccessException ex) {
				throw new ExtensionConfigurationException("Cannot set " + field, ex);
			}
		}
	}

	private Resource openChecked(Field field) {
		try {
			return open(field.getAnnotation(this.annotationType), field);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ExtensionConfigurationException("Cannot open the resource of " + field, ex);
		}
	}

	/**
	 * An opened resource: the value a field gets, and what closes it when the field's scope ends.
	 * @param value the field value
	 * @param closer closes the resource
	 */
	public record Resource(Object value, AutoCloseable closer) implements AutoCloseable {

		/**
		 * A resource that is its own closer.
		 * @param value the resource
		 * @return the resource
		 */
		public static Resource of(AutoCloseable value) {
			return new Resource(value, value);
		}

		@Override
		public void close() throws Exception {
			this.closer.close();
		}

	}

}
