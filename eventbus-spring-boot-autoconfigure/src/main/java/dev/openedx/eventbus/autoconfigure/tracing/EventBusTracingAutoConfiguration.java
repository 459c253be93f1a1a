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

package dev.openedx.eventbus.autoconfigure.tracing;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.observation.EventBusProcessObservationConvention;
import dev.openedx.eventbus.observation.EventBusSendObservationConvention;
import dev.openedx.eventbus.observation.ObservingDispatchInterceptor;
import dev.openedx.eventbus.observation.SendObservationSupport;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the Micrometer Observation of the event bus ({@code eventbus.tracing.enabled}, on by default
 * when Micrometer Tracing is on the class path): every send of the transport's producer is observed as
 * {@code eventbus.send} and every listener call as {@code eventbus.process}, with the application's
 * {@link ObservationRegistry}. With a tracer, the trace context travels in a {@code traceparent} Kafka header or Redis
 * field (extra to what Python producers write, and ignored by Python consumers); without one nothing is added to a
 * message. Conventions are replaced by declaring an {@link EventBusSendObservationConvention} or
 * {@link EventBusProcessObservationConvention} bean.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { EventBusAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
				EventBusRedisAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@Conditional(EventBusTracingAutoConfiguration.TracingCondition.class)
public final class EventBusTracingAutoConfiguration {

	@Bean
	static BeanPostProcessor eventBusSendObservationPostProcessor(
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<EventBusSendObservationConvention> sendObservationConvention) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof SendObservationSupport producer) {
					producer.setObservationRegistry(observationRegistry.getObject());
					producer.setObservationConvention(sendObservationConvention.getIfUnique());
				}
				return bean;
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	ObservingDispatchInterceptor eventBusProcessInterceptor(ObservationRegistry observationRegistry,
			ObjectProvider<EventBusProcessObservationConvention> processObservationConvention) {
		return new ObservingDispatchInterceptor(observationRegistry, processObservationConvention.getIfUnique());
	}

	/**
	 * {@code eventbus.tracing.enabled} when set, else whether Micrometer Tracing is on the class path.
	 */
	static final class TracingCondition extends SpringBootCondition {

		private static final String PROPERTY = "eventbus.tracing.enabled";

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Boolean enabled = context.getEnvironment().getProperty(PROPERTY, Boolean.class);
			if (enabled != null) {
				return enabled ? ConditionOutcome.match(PROPERTY + "=true")
						: ConditionOutcome.noMatch(PROPERTY + "=false");
			}
			return ClassUtils.isPresent("io.micrometer.tracing.Tracer", context.getClassLoader())
					? ConditionOutcome.match("Micrometer Tracing is on the class path")
					: ConditionOutcome.noMatch("Micrometer Tracing is not on the class path and " + PROPERTY
							+ " is not set");
		}

	}

}
