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

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import dev.openedx.eventbus.event.EventType;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * AssertJ assertions on the events sent to the in-memory bus, narrowed step by step. Each narrowing keeps the order
 * of sending and names itself in a failure's description.
 * <pre class="code">
 * assertThat(published).toTopic("learning-course-enrollment-lifecycle").hasTypes(COURSE_ENROLLMENT_CREATED,
 *         COURSE_ENROLLMENT_CHANGED);
 * assertThat(published).ofType(COURSE_ENROLLMENT_CREATED).withKey("course-v1:edX+DemoX+2026_T1").hasSize(1);
 * assertThat(published).isEmpty();
 * </pre>
 *
 * @since 0.1.0
 */
public final class PublishedEventsAssert extends AbstractAssert<PublishedEventsAssert, List<PublishedEvent<?>>> {

	private final String selection;

	PublishedEventsAssert(List<PublishedEvent<?>> events) {
		this(events, "published events");
	}

	private PublishedEventsAssert(List<PublishedEvent<?>> events, String selection) {
		super(List.copyOf(events), PublishedEventsAssert.class);
		this.selection = selection;
		describedAs(selection);
	}

	/**
	 * Only the events of one type.
	 * @param type the event type
	 * @return assertions on those
	 */
	public PublishedEventsAssert ofType(EventType<?> type) {
		return narrow((event) -> event.type().equals(type), "of type " + type.type());
	}

	/**
	 * Only the events sent to one topic.
	 * @param topic the full topic name
	 * @return assertions on those
	 */
	public PublishedEventsAssert toTopic(String topic) {
		return narrow((event) -> event.topic().equals(topic), "to topic " + topic);
	}

	/**
	 * Only the events with one message key.
	 * @param key the key as text
	 * @return assertions on those
	 */
	public PublishedEventsAssert withKey(String key) {
		return narrow((event) -> key.equals(event.key()), "with key " + key);
	}

	/**
	 * Only the events that match.
	 * @param condition the condition
	 * @param description what the condition says, for failure messages
	 * @return assertions on those
	 */
	public PublishedEventsAssert matching(Predicate<? super PublishedEvent<?>> condition, String description) {
		return narrow(condition, description);
	}

	private PublishedEventsAssert narrow(Predicate<? super PublishedEvent<?>> condition, String description) {
		isNotNull();
		return new PublishedEventsAssert(this.actual.stream().filter(condition).toList(),
				this.selection + " " + description);
	}

	/**
	 * There are exactly this many.
	 * @param expected the count
	 * @return this
	 */
	public PublishedEventsAssert hasSize(int expected) {
		if (this.actual.size() != expected) {
			failWithMessage("Expected %d %s but there were %d: %s", expected, this.selection, this.actual.size(),
					this.actual);
		}
		return this;
	}

	/**
	 * There are none.
	 * @return this
	 */
	public PublishedEventsAssert isEmpty() {
		if (!this.actual.isEmpty()) {
			failWithMessage("Expected no %s but there were %d: %s", this.selection, this.actual.size(), this.actual);
		}
		return this;
	}

	/**
	 * There is at least one.
	 * @return this
	 */
	public PublishedEventsAssert isNotEmpty() {
		if (this.actual.isEmpty()) {
			failWithMessage("Expected %s but there were none", this.selection);
		}
		return this;
	}

	/**
	 * The events are of exactly these types, in this order.
	 * @param types the event types in the order they were sent
	 * @return this
	 */
	public PublishedEventsAssert hasTypes(EventType<?>... types) {
		List<String> actualTypes = this.actual.stream().map((event) -> event.type().type()).toList();
		List<String> expected = Arrays.stream(types).map(EventType::type).toList();
		if (!actualTypes.equals(expected)) {
			failWithMessage("Expected %s to be of types %s in this order but they were %s", this.selection, expected,
					actualTypes);
		}
		return this;
	}

	/**
	 * There is exactly one: go on with assertions on it.
	 * @return assertions on the one event
	 */
	public PublishedEventAssert singleEvent() {
		hasSize(1);
		return new PublishedEventAssert(this.actual.get(0)).describedAs("the single event " + this.selection);
	}

	/**
	 * The event at a position of this selection.
	 * @param index the position, from 0
	 * @return assertions on that event
	 */
	public PublishedEventAssert element(int index) {
		if (index < 0 || index >= this.actual.size()) {
			failWithMessage("Expected an event at index %d of %s but there were %d: %s", index, this.selection,
					this.actual.size(), this.actual);
		}
		return new PublishedEventAssert(this.actual.get(index)).describedAs("event " + index + " " + this.selection);
	}

	/**
	 * The selection as a plain AssertJ list, for anything else.
	 * @return list assertions
	 */
	public ListAssert<PublishedEvent<?>> events() {
		return Assertions.assertThat(this.actual).describedAs(this.selection);
	}

}
