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

package dev.openedx.eventbus.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;

import dev.openedx.eventbus.testing.FieldResourceExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The build's redis-server on 127.0.0.1 (port {@code REDIS_PORT}, default 6379) in a field, by the field's type: a
 * {@link LettuceConnectionFactory} like Spring Boot's (static: one for the test class), or a
 * {@link RedisTestSupport} (an instance field: one per test, which deletes the streams it named when the test ends).
 * <pre class="code">
 * &#64;LocalRedis
 * private static LettuceConnectionFactory connectionFactory;
 *
 * &#64;LocalRedis
 * private RedisTestSupport redis;
 * </pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LocalRedis.Extension.class)
public @interface LocalRedis {

	/**
	 * Opens the connection factory or test support of a {@link LocalRedis} field and closes it when the field's
	 * scope ends.
	 */
	final class Extension extends FieldResourceExtension<LocalRedis> {

		Extension() {
			super(LocalRedis.class);
		}

		@Override
		protected Resource open(LocalRedis annotation, Field field) {
			if (field.getType() == LettuceConnectionFactory.class) {
				LettuceConnectionFactory factory = RedisTestSupport.connectionFactory(RedisTestSupport.sharedPort());
				return new Resource(factory, factory::destroy);
			}
			if (field.getType() == RedisTestSupport.class) {
				return Resource.of(new RedisTestSupport());
			}
			throw new ExtensionConfigurationException("@LocalRedis field " + field
					+ " must be a LettuceConnectionFactory or a RedisTestSupport");
		}

	}

}
