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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * The application listener behind one {@code @OpenEdxEventListener} method: everything about the method (parameters,
 * event types, condition) is worked out once at startup; per event it is a set lookup, an optional condition and the
 * reflective call.
 */
final class OpenEdxEventListenerMethod implements GenericApplicationListener {

	private static final SpelExpressionParser parser = new SpelExpressionParser();

	private final String beanName;

	private final Method method;

	private final BeanFactory beanFactory;

	private final Argument[] arguments;

	private final Set<String> eventTypes;

	private final Set<Class<?>> dataTypes;

	private final @Nullable Expression condition;

	private final int order;

	private final String listenerId;

	private volatile @Nullable Object singletonBean;

	/**
	 * Work out a listener method.
	 * @param beanName the bean whose method it is
	 * @param method the method to call on the bean (possibly a proxy's)
	 * @param annotated the same method as the target class declares it, with its annotations
	 * @param beanFactory where the bean comes from
	 * @param catalog the known event types
	 */
	OpenEdxEventListenerMethod(String beanName, Method method, Method annotated, BeanFactory beanFactory,
			EventCatalog catalog) {
		this.beanName = beanName;
		this.method = method;
		this.beanFactory = beanFactory;
		OpenEdxEventListener annotation = AnnotatedElementUtils.findMergedAnnotation(annotated,
				OpenEdxEventListener.class);
		if (annotation == null) {
			throw new IllegalArgumentException(method + " is not annotated with @OpenEdxEventListener");
		}
		if (method.getReturnType() != void.class) {
			throw new InvalidOpenEdxEventListenerException(method,
					"it returns " + method.getReturnType().getSimpleName() + "; listener methods return void");
		}
		this.arguments = resolveArguments(method);
		Class<?> dataType = dataType(method, this.arguments);
		Map<String, EventType<?>> types = resolveEventTypes(method, annotation.value(), dataType, catalog);
		this.eventTypes = Set.copyOf(types.keySet());
		Set<Class<?>> dataTypes = new HashSet<>();
		types.values().forEach((type) -> dataTypes.add(type.dataType()));
		this.dataTypes = Set.copyOf(dataTypes);
		this.condition = StringUtils.hasText(annotation.condition()) ? parseCondition(method, annotation.condition())
				: null;
		Order order = AnnotatedElementUtils.findMergedAnnotation(annotated, Order.class);
		this.order = (order != null) ? order.value() : 0;
		this.listenerId = StringUtils.hasText(annotation.id()) ? annotation.id()
				: InvalidOpenEdxEventListenerException.describe(method);
		ReflectionUtils.makeAccessible(method);
	}

	/**
	 * The event types this method receives.
	 * @return the event type strings
	 */
	Set<String> getEventTypes() {
		return this.eventTypes;
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		if (!PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())) {
			return false;
		}
		ResolvableType payload = eventType.as(PayloadApplicationEvent.class).getGeneric();
		if (!OpenEdxEvent.class.isAssignableFrom(payload.toClass())) {
			return false;
		}
		Class<?> data = payload.as(OpenEdxEvent.class).getGeneric().resolve();
		return data == null || data == Object.class || this.dataTypes.contains(data);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent applicationEvent) {
		if (!(applicationEvent instanceof PayloadApplicationEvent<?> payloadEvent)
				|| !(payloadEvent.getPayload() instanceof OpenEdxEvent<?> event)
				|| !this.eventTypes.contains(event.type().type())) {
			return;
		}
		try {
			if (this.condition != null && !matches(event)) {
				return;
			}
			invoke(event);
		}
		catch (RuntimeException ex) {
			ListenerFailures failures = ListenerFailures.current();
			if (failures == null || !event.fromEventBus()) {
				throw ex;
			}
			failures.add(this.listenerId, ex);
		}
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public String getListenerId() {
		return this.listenerId;
	}

	@Override
	public String toString() {
		return "@OpenEdxEventListener " + this.listenerId + " for " + this.eventTypes;
	}

	private void invoke(OpenEdxEvent<?> event) {
		Object[] args = new Object[this.arguments.length];
		for (int i = 0; i < args.length; i++) {
			args[i] = switch (this.arguments[i]) {
				case DATA -> event.data();
				case METADATA -> event.metadata();
				case EVENT -> event;
			};
		}
		try {
			this.method.invoke(targetBean(), args);
		}
		catch (InvocationTargetException ex) {
			Throwable target = ex.getTargetException();
			if (target instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (target instanceof Error error) {
				throw error;
			}
			throw new UndeclaredThrowableException(target, this.listenerId + " threw " + target);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot call " + this.listenerId, ex);
		}
	}

	private Object targetBean() {
		Object bean = this.singletonBean;
		if (bean != null) {
			return bean;
		}
		bean = this.beanFactory.getBean(this.beanName);
		if (this.beanFactory.isSingleton(this.beanName)) {
			this.singletonBean = bean;
		}
		return bean;
	}

	private boolean matches(OpenEdxEvent<?> event) {
		StandardEvaluationContext context = new StandardEvaluationContext(event);
		context.setBeanResolver(new BeanFactoryResolver(this.beanFactory));
		context.setVariable("event", event);
		context.setVariable("data", event.data());
		context.setVariable("metadata", event.metadata());
		Object result = this.condition.getValue(context);
		return Boolean.TRUE.equals(result) || "true".equalsIgnoreCase(String.valueOf(result));
	}

	private static Expression parseCondition(Method method, String condition) {
		try {
			return parser.parseExpression(condition);
		}
		catch (RuntimeException ex) {
			throw new InvalidOpenEdxEventListenerException(method,
					"its condition '" + condition + "' does not parse: " + ex.getMessage());
		}
	}

	private static Argument[] resolveArguments(Method method) {
		Class<?>[] types = method.getParameterTypes();
		if (types.length == 0) {
			throw new InvalidOpenEdxEventListenerException(method, "it takes no parameter; a listener takes the event "
					+ "data record, and optionally EventsMetadata and the OpenEdxEvent");
		}
		Argument[] arguments = new Argument[types.length];
		List<Argument> seen = new ArrayList<>();
		for (int i = 0; i < types.length; i++) {
			Argument argument = (types[i] == EventsMetadata.class) ? Argument.METADATA
					: (types[i] == OpenEdxEvent.class) ? Argument.EVENT : Argument.DATA;
			if (seen.contains(argument)) {
				throw new InvalidOpenEdxEventListenerException(method, "it takes more than one "
						+ argument.description + "; a listener takes the event data record, and optionally "
						+ "EventsMetadata and the OpenEdxEvent, each at most once");
			}
			seen.add(argument);
			arguments[i] = argument;
		}
		if (!seen.contains(Argument.DATA) && !seen.contains(Argument.EVENT)) {
			throw new InvalidOpenEdxEventListenerException(method,
					"it takes neither the event data record nor the OpenEdxEvent");
		}
		return arguments;
	}

	private static @Nullable Class<?> dataType(Method method, Argument[] arguments) {
		int data = Arrays.asList(arguments).indexOf(Argument.DATA);
		if (data >= 0) {
			return method.getParameterTypes()[data];
		}
		int event = Arrays.asList(arguments).indexOf(Argument.EVENT);
		Class<?> generic = ResolvableType.forMethodParameter(method, event).getGeneric().resolve();
		return (generic != null && generic != Object.class) ? generic : null;
	}

	private static Map<String, EventType<?>> resolveEventTypes(Method method, String[] declared,
			@Nullable Class<?> dataType, EventCatalog catalog) {
		Map<String, EventType<?>> types = new LinkedHashMap<>();
		if (declared.length == 0) {
			if (dataType == null) {
				throw new InvalidOpenEdxEventListenerException(method, "its parameters do not tell which event types "
						+ "it handles; name them, as in @OpenEdxEventListener(LearningEvents.Types.COURSE_ENROLLMENT_CREATED)");
			}
			for (EventType<?> type : catalog.all()) {
				if (type.dataType() == dataType) {
					types.put(type.type(), type);
				}
			}
			if (types.isEmpty()) {
				throw new InvalidOpenEdxEventListenerException(method, "no known event type carries "
						+ dataType.getName() + " data exactly; name the event types in @OpenEdxEventListener(...), "
						+ "or declare the application's own EventType as a bean");
			}
			return types;
		}
		for (String name : declared) {
			EventType<?> type = catalog.find(name)
				.orElseThrow(() -> new InvalidOpenEdxEventListenerException(method, "event type '" + name
						+ "' is unknown: it is neither in the Open edX catalog nor declared as an EventType bean"));
			if (dataType != null && !dataType.isAssignableFrom(type.dataType())) {
				throw new InvalidOpenEdxEventListenerException(method, "event type " + name + " carries "
						+ type.dataType().getName() + " data, which its " + dataType.getName() + " parameter cannot take");
			}
			types.put(type.type(), type);
		}
		return types;
	}

	private enum Argument {

		DATA("event data parameter"), METADATA("EventsMetadata parameter"), EVENT("OpenEdxEvent parameter");

		private final String description;

		Argument(String description) {
			this.description = description;
		}

	}

}
