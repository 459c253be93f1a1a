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

import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Switches a {@code @SpringBootTest} (or a test slice) to an in-memory event bus: no broker, no schema registry.
 * Events the application publishes are recorded in {@link PublishedEvents}, not sent; the configured workers read
 * in-memory topics that {@link InboundEvents} fills, through the real consume path (decode, metadata, event-type
 * filter, retries, failure policy). Every event is still encoded and decoded with the real codec in the configured
 * transport's wire form, so a test fails where the wire would; {@code encode = false} opts out.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureInMemoryEventBus
 * class EnrollmentTests {
 *
 *     &#64;Autowired PublishedEvents published;
 *
 *     &#64;Autowired InboundEvents inbound;
 *     ...
 * }
 * </pre>
 * The Kafka and Redis auto-configurations of the event bus are left out; Spring Boot's own Kafka or Redis beans are
 * not touched. Published events are cleared before each test method.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(exclude = { EventBusKafkaAutoConfiguration.class, EventBusRedisAutoConfiguration.class })
@PropertyMapping("eventbus.test.in-memory")
public @interface AutoConfigureInMemoryEventBus {

	/**
	 * Whether events travel in their wire form, encoded and decoded by the real codec; {@code false} passes the event
	 * objects as they are (for event types that are not meant for the bus, or to keep the codec out of a test).
	 * @return whether the codec runs
	 */
	boolean encode() default true;

}
