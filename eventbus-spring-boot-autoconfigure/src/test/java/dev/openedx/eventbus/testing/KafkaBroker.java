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

import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An in-process KRaft broker ({@link EmbeddedKafkaBroker}) in an {@code EmbeddedKafkaBroker} field: on a static
 * field, one broker for the whole test class, which is what the Kafka tests use (starting a broker takes seconds).
 * <pre class="code">
 * &#64;KafkaBroker(partitions = 3)
 * private static EmbeddedKafkaBroker broker;
 * </pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(KafkaBroker.Extension.class)
public @interface KafkaBroker {

	/**
	 * The partition count of the topics the broker creates.
	 * @return the partition count
	 */
	int partitions() default 1;

	/**
	 * Starts the broker of a {@link KafkaBroker} field and stops it when the field's scope ends.
	 */
	final class Extension extends FieldResourceExtension<KafkaBroker> {

		Extension() {
			super(KafkaBroker.class);
		}

		@Override
		protected Resource open(KafkaBroker annotation, Field field) {
			return Resource.of(EmbeddedKafkaBroker.start(annotation.partitions()));
		}

	}

}
