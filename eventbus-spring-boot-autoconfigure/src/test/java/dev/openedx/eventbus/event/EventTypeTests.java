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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventTypeTests {

	@Test
	void typeStringsMustBeDottedNames() {
		assertThat(EventType.of("org.openedx.enterprise.subsidy.redemption-reversed.v1", "redemption", String.class)
			.type()).contains("redemption-reversed");
		assertThatIllegalArgumentException().isThrownBy(() -> EventType.of("enrollment created", "e", String.class))
			.withMessageContaining("'enrollment created'");
		assertThatIllegalArgumentException().isThrownBy(() -> EventType.of("org.acme.x.v1", "1bad", String.class))
			.withMessageContaining("'1bad'");
	}

	@Test
	void anUnserializableTypeSaysWhy() {
		EventType<String> type = EventType.unserializable("org.acme.file.uploaded.v1", "file", String.class,
				"carries a stream");
		assertThat(type.busCapable()).isFalse();
		assertThat(type.unserializableReason()).isEqualTo("carries a stream");
		assertThat(EventType.of("org.acme.file.uploaded.v1", "file", String.class).busCapable()).isTrue();
	}

	@Test
	void aCatalogFindsTypesAndRefusesTwoDifferentDeclarationsOfOneTypeString() {
		EventType<String> a = EventType.of("org.acme.a.v1", "a", String.class);
		EventCatalog catalog = EventCatalog.of(List.of(a));
		assertThat(catalog.get("org.acme.a.v1")).isSameAs(a);
		assertThat(catalog.find("org.acme.b.v1")).isEmpty();
		assertThatExceptionOfType(UnknownEventTypeException.class).isThrownBy(() -> catalog.get("org.acme.b.v1"))
			.withMessageContaining("'org.acme.b.v1'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventCatalog.of(List.of(a, EventType.of("org.acme.a.v1", "a", Integer.class))))
			.withMessageContaining("declared twice");
	}

	@Test
	void topicNamesFollowThePrefixRule() {
		assertThat(TopicNames.fullName("stage", "user-logins")).isEqualTo("stage-user-logins");
		assertThat(TopicNames.fullName("", "user-logins")).isEqualTo("user-logins");
		assertThat(TopicNames.fullName(null, "user-logins")).isEqualTo("user-logins");
	}

}
