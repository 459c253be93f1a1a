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

package dev.openedx.eventbus.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} against a real in-process KRaft Kafka broker and an in-process Confluent-compatible
 * schema registry (from {@code eventbus-test-support}): no Docker, nothing to install. Both start before the
 * application context and stop with it; {@code spring.kafka.bootstrap-servers} and
 * {@code eventbus.kafka.schema-registry.url} point at them, and they are beans
 * ({@link dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker}, {@link dev.openedx.eventbus.testsupport.InMemorySchemaRegistry})
 * for a test that reads what was sent. Test classes with the same attributes and configuration share one context,
 * so one broker.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;EmbeddedEventBus(topics = "learning-course-enrollment-lifecycle")
 * class EnrollmentBrokerTests {
 *     ...
 * }
 * </pre>
 * Not with the development services of the {@code dev} profile, which would start a broker of their own.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedEventBus {

	/**
	 * The partitions of each topic, created now or on first use.
	 * @return the partition count
	 */
	int partitions() default 1;

	/**
	 * Topics to create before the application starts (others are created on first use).
	 * @return the full topic names
	 */
	String[] topics() default {};

}
