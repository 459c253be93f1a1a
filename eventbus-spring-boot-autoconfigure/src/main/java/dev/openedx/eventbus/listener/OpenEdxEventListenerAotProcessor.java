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

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.openedx.eventbus.avro.EventDataRuntimeHints;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Declares, for AOT processing and native images, the {@code @OpenEdxEventListener} methods of the application's
 * beans (invoked reflectively) and the data types they take (which the codec reflects on), so an application's own
 * event types work as the catalog's do. Registered in {@code META-INF/spring/aot.factories}.
 *
 * @since 0.1.0
 */
public final class OpenEdxEventListenerAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<Method> listeners = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = beanFactory.getType(name, false);
			if (type == null) {
				continue;
			}
			ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), listeners::add,
					(method) -> AnnotatedElementUtils.hasAnnotation(method, OpenEdxEventListener.class));
		}
		if (listeners.isEmpty()) {
			return null;
		}
		return (context, code) -> register(context.getRuntimeHints(), listeners);
	}

	static void register(RuntimeHints hints, Set<Method> listeners) {
		for (Method method : listeners) {
			hints.reflection().registerMethod(method, ExecutableMode.INVOKE);
			for (int i = 0; i < method.getParameterCount(); i++) {
				Class<?> parameter = method.getParameterTypes()[i];
				if (parameter == EventsMetadata.class) {
					continue;
				}
				Class<?> data = (parameter == OpenEdxEvent.class)
						? ResolvableType.forMethodParameter(new MethodParameter(method, i)).getGeneric(0).resolve()
						: parameter;
				if (data != null && data.isRecord()) {
					EventDataRuntimeHints.registerDataType(hints, data);
				}
			}
		}
	}

}
