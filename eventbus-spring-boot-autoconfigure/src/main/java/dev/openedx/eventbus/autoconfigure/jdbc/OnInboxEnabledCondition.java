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

package dev.openedx.eventbus.autoconfigure.jdbc;

import java.util.Map;

import dev.openedx.eventbus.autoconfigure.EventBusProperties;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the inbox is on for all workers ({@code eventbus.consumer.inbox.enabled}) or for one of them
 * ({@code eventbus.consumer.workers.<name>.inbox}).
 */
class OnInboxEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		EventBusProperties.Consumer consumer = Binder.get(context.getEnvironment())
			.bind("eventbus.consumer", EventBusProperties.Consumer.class)
			.orElseGet(EventBusProperties.Consumer::new);
		if (consumer.getInbox().isEnabled()) {
			return ConditionOutcome.match("eventbus.consumer.inbox.enabled is true");
		}
		for (Map.Entry<String, EventBusProperties.Worker> worker : consumer.getWorkers().entrySet()) {
			if (Boolean.TRUE.equals(worker.getValue().getInbox())) {
				return ConditionOutcome.match("eventbus.consumer.workers." + worker.getKey() + ".inbox is true");
			}
		}
		return ConditionOutcome.noMatch("neither eventbus.consumer.inbox.enabled nor a worker's inbox is true");
	}

}
