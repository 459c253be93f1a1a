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

package dev.openedx.eventbus.listener;

import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.event.EventCatalog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listener infrastructure as the auto-configuration declares it, over the test event types. */
@Configuration(proxyBeanMethods = false)
class ListenerInfrastructure {

	@Bean
	static OpenEdxEventListenerFactory openEdxEventListenerFactory(ObjectProvider<EventCatalog> catalog) {
		return new OpenEdxEventListenerFactory(catalog);
	}

	@Bean
	EventCatalog eventCatalog() {
		return EventCatalog.of(TestEvents.all());
	}

	@Bean
	ApplicationEventDispatcher applicationEventDispatcher(ApplicationEventPublisher publisher) {
		return new ApplicationEventDispatcher(publisher);
	}

}
