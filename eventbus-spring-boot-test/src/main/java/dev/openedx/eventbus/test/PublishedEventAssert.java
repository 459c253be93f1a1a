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

import java.util.Objects;
import java.util.function.Consumer;

import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;

/**
 * AssertJ assertions on one event sent to the in-memory bus.
 * <pre class="code">
 * assertThat(published).ofType(COURSE_ENROLLMENT_CREATED).singleEvent()
 *     .hasTopic("learning-course-enrollment-lifecycle")
 *     .hasKey("course-v1:edX+DemoX+2026_T1")
 *     .hasSource("openedx/lms/web")
 *     .hasDataSatisfying(CourseEnrollmentData.class, (data) -&gt; assertThat(data.mode()).isEqualTo("audit"));
 * </pre>
 *
 * @since 0.1.0
 */
public final class PublishedEventAssert extends AbstractObjectAssert<PublishedEventAssert, PublishedEvent<?>> {

	PublishedEventAssert(PublishedEvent<?> event) {
		super(event, PublishedEventAssert.class);
	}

	/**
	 * The event is of this type.
	 * @param type the event type
	 * @return this
	 */
	public PublishedEventAssert hasType(EventType<?> type) {
		isNotNull();
		if (!this.actual.type().equals(type)) {
			failWithMessage("Expected %s to be of type %s", this.actual, type.type());
		}
		return this;
	}

	/**
	 * The event went to this topic.
	 * @param topic the full topic name
	 * @return this
	 */
	public PublishedEventAssert hasTopic(String topic) {
		isNotNull();
		if (!this.actual.topic().equals(topic)) {
			failWithMessage("Expected %s to go to topic %s but it went to %s", this.actual, topic, this.actual.topic());
		}
		return this;
	}

	/**
	 * The event's message key is this text.
	 * @param key the key
	 * @return this
	 */
	public PublishedEventAssert hasKey(String key) {
		isNotNull();
		if (!key.equals(this.actual.key())) {
			failWithMessage("Expected %s to have key %s but it had %s", this.actual, key, this.actual.key());
		}
		return this;
	}

	/**
	 * The event's metadata names this source ({@code openedx/<service>/web}).
	 * @param source the source
	 * @return this
	 */
	public PublishedEventAssert hasSource(String source) {
		isNotNull();
		if (!this.actual.metadata().source().equals(source)) {
			failWithMessage("Expected %s to have source %s but it had %s", this.actual, source,
					this.actual.metadata().source());
		}
		return this;
	}

	/**
	 * The event's data, of the given type, satisfies the requirements.
	 * @param <D> the data type
	 * @param type the data class
	 * @param requirements assertions on the data
	 * @return this
	 */
	public <D> PublishedEventAssert hasDataSatisfying(Class<D> type, Consumer<? super D> requirements) {
		isNotNull();
		Objects.requireNonNull(requirements, "requirements must not be null");
		Object data = this.actual.data();
		if (!type.isInstance(data)) {
			failWithMessage("Expected the data of %s to be a %s but it is a %s", this.actual, type.getName(),
					data.getClass().getName());
		}
		requirements.accept(type.cast(data));
		return this;
	}

	/**
	 * The data, for AssertJ's own assertions.
	 * @return object assertions on the data
	 */
	public ObjectAssert<Object> data() {
		isNotNull();
		return Assertions.assertThat((Object) this.actual.data()).describedAs("the data of " + this.actual);
	}

	/**
	 * The metadata, for AssertJ's own assertions.
	 * @return object assertions on the metadata
	 */
	public ObjectAssert<EventsMetadata> metadata() {
		isNotNull();
		return Assertions.assertThat(this.actual.metadata()).describedAs("the metadata of " + this.actual);
	}

}
