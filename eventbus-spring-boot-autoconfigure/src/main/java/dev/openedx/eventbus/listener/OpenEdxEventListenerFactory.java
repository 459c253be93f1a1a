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
import java.lang.reflect.Proxy;
import java.util.Objects;

import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.EventListenerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Turns each {@link OpenEdxEventListener @OpenEdxEventListener} method into an application listener that receives the
 * event's data record (and optionally its {@code EventsMetadata} and the {@code OpenEdxEvent}). It runs before
 * Spring's default factory, which would otherwise treat the composed {@code @EventListener} as a plain one. Invalid
 * methods fail the startup with an {@link InvalidOpenEdxEventListenerException} naming them.
 *
 * @since 0.1.0
 */
public final class OpenEdxEventListenerFactory implements EventListenerFactory, Ordered, BeanFactoryAware {

	/** Before Spring's transactional (50) and default (lowest) event listener factories. */
	public static final int ORDER = 40;

	private final ObjectProvider<EventCatalog> catalog;

	private @Nullable BeanFactory beanFactory;

	/**
	 * Create a factory.
	 * @param catalog the event catalog, looked up when the first listener is created
	 */
	public OpenEdxEventListenerFactory(ObjectProvider<EventCatalog> catalog) {
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public boolean supportsMethod(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, OpenEdxEventListener.class);
	}

	@Override
	public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
		Method annotated = (!Proxy.isProxyClass(type)) ? AopUtils.getMostSpecificMethod(method, type) : method;
		BeanFactory factory = Objects.requireNonNull(this.beanFactory, "BeanFactory has not been set");
		return new OpenEdxEventListenerMethod(beanName, method, annotated, factory, this.catalog.getObject());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
