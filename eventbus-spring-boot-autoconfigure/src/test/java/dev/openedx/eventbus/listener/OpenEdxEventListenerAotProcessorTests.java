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

import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The application's {@code @OpenEdxEventListener} methods and the data types they take are declared for AOT
 * processing, so the listeners and the codec work in a native image.
 */
class OpenEdxEventListenerAotProcessorTests {

	@Test
	void listenerMethodsAndTheirDataTypesAreDeclared() throws Exception {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("shelf", new RootBeanDefinition(Shelf.class));
		DefaultGenerationContext generation = new DefaultGenerationContext(new ClassNameGenerator(
				ClassName.get(getClass())), new InMemoryGeneratedFiles());

		BeanFactoryInitializationAotContribution contribution = new OpenEdxEventListenerAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		contribution.applyTo(generation, mock());

		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Shelf.class, "onLoan"))
			.accepts(generation.getRuntimeHints());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Shelf.class, "onReturn"))
			.accepts(generation.getRuntimeHints());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Loan.class, "isbn"))
			.accepts(generation.getRuntimeHints());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Returned.class, "isbn"))
			.as("the data type of an OpenEdxEvent<D> parameter")
			.accepts(generation.getRuntimeHints());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Shelf.class, "notAListener"))
			.rejects(generation.getRuntimeHints());
	}

	@Test
	void anApplicationWithoutListenersContributesNothing() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("plain", new RootBeanDefinition(Loan.class));

		assertThat(new OpenEdxEventListenerAotProcessor().processAheadOfTime(beanFactory)).isNull();
	}

	@Test
	void theProcessorIsFoundByAotProcessing() {
		assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class))
			.anyMatch((processor) -> processor instanceof OpenEdxEventListenerAotProcessor);
	}

	record Loan(String isbn) {
	}

	record Returned(String isbn) {
	}

	static class Shelf {

		@OpenEdxEventListener("org.acme.library.book.loaned.v1")
		void onLoan(Loan loan, EventsMetadata metadata) {
		}

		@OpenEdxEventListener("org.acme.library.book.returned.v1")
		void onReturn(OpenEdxEvent<Returned> event) {
		}

		void notAListener(Loan loan) {
		}

	}

}
