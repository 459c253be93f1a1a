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

package dev.openedx.eventbus.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AliasFor;

/**
 * Marks a method that handles Open edX events, the Java counterpart of a Django signal receiver. The method takes the
 * event's data record and, optionally, its {@link EventsMetadata}; it runs for events published locally and for
 * every event received from the bus. An exception it throws reaches the consuming worker's failure policy and error
 * count.
 * <pre class="code">
 * &#64;OpenEdxEventListener("org.openedx.learning.course.enrollment.created.v1")
 * void onEnrollment(CourseEnrollmentData enrollment, EventsMetadata metadata) { ... }
 * </pre>
 * When no event type is given, the method receives every event type whose data type is its first parameter's type.
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EventListener
public @interface OpenEdxEventListener {

	/**
	 * The event types this method handles; empty means every type whose data type is the first parameter's type.
	 * @return the event type strings
	 */
	String[] value() default {};

	/**
	 * Spring Expression Language condition, as on {@link EventListener#condition()}; the root object is the
	 * {@link OpenEdxEvent}.
	 * @return the condition
	 */
	@AliasFor(annotation = EventListener.class, attribute = "condition")
	String condition() default "";

	/**
	 * Listener id, as on {@link EventListener#id()}.
	 * @return the id
	 */
	@AliasFor(annotation = EventListener.class, attribute = "id")
	String id() default "";

}
