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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;

import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A running {@link InMemorySchemaRegistry} on a free port in an {@code InMemorySchemaRegistry} field: on a static
 * field one for the test class, on an instance field a fresh one (no subjects, no recorded requests) for each test.
 * <pre class="code">
 * &#64;SchemaRegistry(username = "registry-user", password = SECRET)
 * private static InMemorySchemaRegistry registry;
 * </pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SchemaRegistry.Extension.class)
public @interface SchemaRegistry {

	/**
	 * The user name the registry requires (HTTP basic authentication), with {@link #password()}.
	 * @return the user name, or {@code ""} for a registry without authentication
	 */
	String username() default "";

	/**
	 * The password the registry requires.
	 * @return the password, or {@code ""} for a registry without authentication
	 */
	String password() default "";

	/**
	 * Starts the registry of a {@link SchemaRegistry} field and stops it when the field's scope ends.
	 */
	final class Extension extends FieldResourceExtension<SchemaRegistry> {

		Extension() {
			super(SchemaRegistry.class);
		}

		@Override
		protected Resource open(SchemaRegistry annotation, Field field) {
			if (annotation.username().isEmpty()) {
				return Resource.of(new InMemorySchemaRegistry());
			}
			return Resource.of(new InMemorySchemaRegistry(0, annotation.username(), annotation.password()));
		}

	}

}
