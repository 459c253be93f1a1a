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

package dev.openedx.eventbus.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openedx.eventbus.command.CommandArguments;
import dev.openedx.eventbus.command.EventBusCommandLine;
import dev.openedx.eventbus.worker.ConsumerAuditLogger;
import dev.openedx.eventbus.worker.EventBusWorkers;
import dev.openedx.eventbus.worker.ExitOnConsumerFailure;
import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.listener.ApplicationEventDispatcher;
import dev.openedx.eventbus.listener.OpenEdxEventListenerFactory;
import dev.openedx.eventbus.publish.AfterCommitSendScheduler;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.publish.EventBusPublishingListener;
import dev.openedx.eventbus.publish.EventMetadataStamper;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.ProducerAuditLogger;
import dev.openedx.eventbus.publish.SendScheduler;
import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventBusAutoConfigurationTests {

	private static final String LOANED = "eventbus.producer.events[" + TestEvents.BOOK_LOANED_TYPE + "]";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class))
		.withUserConfiguration(LibraryEventTypes.class)
		.withPropertyValues("eventbus.kafka.schema-registry.url=http://localhost:8081");

	@Test
	void catalogHoldsTheEventTypesTheApplicationDeclaresAsBeans() {
		this.contextRunner.run((context) -> assertThat(context.getBean(EventCatalog.class).find(
				TestEvents.BOOK_LOANED_TYPE)).contains(TestEvents.BOOK_LOANED));
	}

	@Test
	void userCatalogReplacesOurs() {
		EventCatalog own = EventCatalog.of(List.of(TestEvents.MEMBER_JOINED));
		this.contextRunner.withBean(EventCatalog.class, () -> own)
			.run((context) -> assertThat(context.getBean(EventCatalog.class)).isSameAs(own));
	}

	@Test
	void originUsesTheServiceName() {
		this.contextRunner.withPropertyValues("eventbus.service-name=library", "spring.application.name=other")
			.run((context) -> assertThat(context.getBean(EventOrigin.class).source())
				.isEqualTo("openedx/library/web"));
	}

	@Test
	void originFallsBackToTheApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=catalog")
			.run((context) -> assertThat(context.getBean(EventOrigin.class).source())
				.isEqualTo("openedx/catalog/web"));
	}

	@Test
	void originWithoutAnyNameIsPythonsUnsetService() {
		this.contextRunner.run((context) -> assertThat(context.getBean(EventOrigin.class).source())
			.isEqualTo("openedx/SERVICE_NAME_UNSET/web"));
	}

	@Test
	void localInfrastructureExistsEvenWhenTheBusIsDisabled() {
		this.contextRunner.withPropertyValues("eventbus.enabled=false")
			.withBean(EventBusProducer.class, RecordingProducer::new)
			.run((context) -> assertThat(context).hasSingleBean(OpenEdxEventListenerFactory.class)
				.hasSingleBean(EventMetadataStamper.class)
				.hasSingleBean(EventCatalog.class)
				.doesNotHaveBean(EventRoutes.class)
				.doesNotHaveBean(EventBusPublisher.class)
				.doesNotHaveBean(EventBusPublishingListener.class));
	}

	@Test
	void publisherBacksOffWithoutAProducer() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(EventRoutes.class)
			.doesNotHaveBean(EventBusPublisher.class)
			.doesNotHaveBean(EventBusPublishingListener.class));
	}

	@Test
	void publisherAndBridgeExistWithAProducer() {
		this.contextRunner.withBean(EventBusProducer.class, RecordingProducer::new)
			.run((context) -> assertThat(context).hasSingleBean(EventBusPublisher.class)
				.hasSingleBean(EventBusPublishingListener.class));
	}

	@Test
	void producerKillSwitchRemovesThePublisher() {
		this.contextRunner.withBean(EventBusProducer.class, RecordingProducer::new)
			.withPropertyValues("eventbus.producer.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EventBusPublisher.class));
	}

	@Test
	void userPublisherReplacesOurs() {
		RecordingProducer producer = new RecordingProducer();
		EventBusPublisher own = new EventBusPublisher(EventRoutes.none(), producer, new EventMetadataStamper(EventOrigin.local()), List.of(),
				SendScheduler.IMMEDIATE);
		this.contextRunner.withBean(EventBusProducer.class, () -> producer)
			.withBean(EventBusPublisher.class, () -> own)
			.run((context) -> assertThat(context.getBean(EventBusPublisher.class)).isSameAs(own));
	}

	@Test
	void routesBindFromBracketedEventTypeKeys() {
		this.contextRunner.withPropertyValues(LOANED + ".loans.event-key-field=book.isbn",
				LOANED + ".loans-audit.event-key-field=book.isbn", LOANED + ".loans-audit.enabled=false")
			.run((context) -> {
				List<EventRoute> routes = context.getBean(EventRoutes.class).routesOf(TestEvents.BOOK_LOANED);
				assertThat(routes).extracting(EventRoute::topic).containsExactly("loans", "loans-audit");
				assertThat(routes).extracting(EventRoute::eventKeyField).containsOnly("book.isbn");
				assertThat(routes).extracting(EventRoute::isEnabled).containsExactly(true, false);
			});
	}

	@Test
	void routeForAnUnknownEventTypeFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("eventbus.producer.events[org.acme.unknown.v1].loans.event-key-field=book.isbn")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("eventbus.producer.events[org.acme.unknown.v1]")
				.hasMessageContaining("Unknown event type")
				.hasMessageNotContaining("brackets"));
	}

	@Test
	void routeForAMistypedEventTypeSuggestsTheClosestKnownOnes() {
		this.contextRunner
			.withPropertyValues("eventbus.producer.events[org.acme.library.book.loaned.v2].loans.event-key-field=isbn")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Did you mean " + TestEvents.BOOK_LOANED_TYPE));
	}

	@Test
	void routeForAnEventTypeThatCannotTravelFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(
					"eventbus.producer.events[org.acme.library.member.scanned.v1].members.event-key-field=member.name")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("eventbus.producer.events[org.acme.library.member.scanned.v1]")
				.hasMessageContaining("carries a file handle"));
	}

	@Test
	void routeWithoutKeyFieldFailsWithKafka() {
		this.contextRunner.withPropertyValues(LOANED + ".loans.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(LOANED + ".loans.event-key-field"));
	}

	@Test
	void routeWithoutKeyFieldIsAcceptedWithRedis() {
		this.contextRunner.withPropertyValues("eventbus.transport=redis", LOANED + ".loans.enabled=true")
			.run((context) -> assertThat(context.getBean(EventRoutes.class).routesOf(TestEvents.BOOK_LOANED))
				.singleElement()
				.satisfies((route) -> assertThat(route.eventKeyField()).isNull()));
	}

	@Test
	void transportWithoutItsLibraryFailsNamingTheDependency() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.kafka"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(EventBusTransportUnavailableException.class)
				.hasMessageContaining("eventbus.transport")
				.hasMessageContaining("org.springframework.boot:spring-boot-starter-kafka"));
	}

	@Test
	void redisTransportWithoutSpringDataRedisFailsNamingTheDependency() {
		this.contextRunner.withPropertyValues("eventbus.transport=redis")
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("org.springframework.boot:spring-boot-starter-data-redis"));
	}

	@Test
	void missingTransportLibraryDoesNotMatterWhenTheBusIsDisabled() {
		this.contextRunner.withPropertyValues("eventbus.enabled=false")
			.withClassLoader(new FilteredClassLoader("org.springframework.kafka"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void afterCommitModeUsesTheTransactionalScheduler() {
		this.contextRunner.withBean(EventBusProducer.class, RecordingProducer::new)
			.withPropertyValues("eventbus.producer.send-mode=after-commit")
			.run((context) -> assertThat(context).getBean(SendScheduler.class)
				.isInstanceOf(AfterCommitSendScheduler.class));
	}

	@Test
	void afterCommitModeWithoutSpringTxFailsNamingTheProperty() {
		this.contextRunner.withBean(EventBusProducer.class, RecordingProducer::new)
			.withPropertyValues("eventbus.producer.send-mode=after-commit")
			.withClassLoader(new FilteredClassLoader(TransactionSynchronizationManager.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("eventbus.producer.send-mode")
				.hasMessageContaining("spring-tx"));
	}

	@Test
	void auditLoggersExistByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ProducerAuditLogger.class)
			.hasSingleBean(ConsumerAuditLogger.class));
	}

	@Test
	void consumerAuditLogIsSwitchedOffPerWorkerOrForAllWorkers() {
		this.contextRunner
			.withPropertyValues("eventbus.consumer.workers.quiet.topic=t",
					"eventbus.consumer.workers.quiet.audit-log=false", "eventbus.consumer.workers.loud.topic=t")
			.run((context) -> {
				ConsumerAuditLogger audit = context.getBean(ConsumerAuditLogger.class);
				assertThat(audit.isEnabled("quiet")).isFalse();
				assertThat(audit.isEnabled("loud")).isTrue();
			});
		this.contextRunner
			.withPropertyValues("eventbus.consumer.audit-log=false", "eventbus.consumer.workers.loud.topic=t",
					"eventbus.consumer.workers.loud.audit-log=true")
			.run((context) -> {
				ConsumerAuditLogger audit = context.getBean(ConsumerAuditLogger.class);
				assertThat(audit.isEnabled("loud")).isTrue();
				assertThat(audit.isEnabled("other")).isFalse();
			});
	}

	@Test
	void consumerAuditLogOfAWorkerHoldsForEachOfItsConcurrentConsumers() {
		this.contextRunner
			.withPropertyValues("eventbus.consumer.workers.quiet.topic=t", "eventbus.consumer.workers.quiet.concurrency=2",
					"eventbus.consumer.workers.quiet.audit-log=false")
			.run((context) -> {
				ConsumerAuditLogger audit = context.getBean(ConsumerAuditLogger.class);
				assertThat(audit.isEnabled("quiet-1")).isFalse();
				assertThat(audit.isEnabled("quiet-2")).isFalse();
			});
	}

	@Test
	void auditLoggingCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("eventbus.audit-logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ProducerAuditLogger.class)
				.doesNotHaveBean(ConsumerAuditLogger.class));
	}

	@Test
	void workersBackOffWithoutAConsumerFactory() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(EventBusWorkers.class));
	}

	@Test
	void workersAreDefinedFromProperties() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("spring.application.name=library", "eventbus.consumer.consecutive-errors-limit=5",
					"eventbus.consumer.workers.loans.topic=loans",
					"eventbus.consumer.workers.loans.event-types=" + TestEvents.BOOK_LOANED_TYPE,
					"eventbus.consumer.workers.loans.start-position=latest",
					"eventbus.consumer.workers.loans.replay-from=2026-01-08T06:46:22+00:00",
					"eventbus.consumer.workers.members.topic=members",
					"eventbus.consumer.workers.members.group-id=member-sync",
					"eventbus.consumer.workers.members.consecutive-errors-limit=0")
			.run((context) -> {
				List<ConsumerSettings> definitions = context.getBean(EventBusWorkers.class).getDefinitions();
				assertThat(definitions).extracting(ConsumerSettings::name).containsExactly("loans", "members");
				ConsumerSettings loans = definitions.get(0);
				assertThat(loans.group()).isEqualTo("library");
				assertThat(loans.eventTypes()).containsExactly(TestEvents.BOOK_LOANED_TYPE);
				assertThat(loans.consecutiveErrorsLimit()).isEqualTo(5);
				assertThat(loans.startPosition()).isEqualTo(StartPosition.LATEST);
				assertThat(loans.replayFrom()).hasToString("2026-01-08T06:46:22Z");
				ConsumerSettings members = definitions.get(1);
				assertThat(members.group()).isEqualTo("member-sync");
				assertThat(members.consecutiveErrorsLimit()).isZero();
			});
	}

	@Test
	void workersConsumeTheirTopicUnderTheTopicPrefixWithAnUnprefixedGroup() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("spring.application.name=library", "eventbus.topic-prefix=stage",
					"eventbus.consumer.workers.loans.topic=loans")
			.run((context) -> {
				ConsumerSettings loans = context.getBean(EventBusWorkers.class).getDefinitions().get(0);
				assertThat(loans.destination()).isEqualTo("stage-loans");
				assertThat(loans.group()).isEqualTo("library");
			});
	}

	@Test
	void workerWithoutTopicFailsNamingTheProperty() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("spring.application.name=library", "eventbus.consumer.workers.loans.group-id=g")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("eventbus.consumer.workers.loans.topic"));
	}

	@Test
	void workerWithoutAnyGroupFailsNamingTheProperty() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("eventbus.consumer.workers.loans.topic=loans")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("eventbus.consumer.workers.loans.group-id"));
	}

	@Test
	void workerWithAnUnknownEventTypeFailsNamingTheProperty() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("spring.application.name=library", "eventbus.consumer.workers.loans.topic=loans",
					"eventbus.consumer.workers.loans.event-types=org.acme.nothing.v1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("eventbus.consumer.workers.loans.event-types[0]"));
	}

	@Test
	void workerWithAMistypedEventTypeSuggestsTheClosestKnownOnes() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("spring.application.name=library", "eventbus.consumer.workers.loans.topic=loans",
					"eventbus.consumer.workers.loans.event-types=org.acme.library.book.loand.v1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Did you mean " + TestEvents.BOOK_LOANED_TYPE));
	}

	@Test
	void workerReplayTimeWithoutOffsetFailsNamingTheProperty() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("spring.application.name=library", "eventbus.consumer.workers.loans.topic=loans",
					"eventbus.consumer.workers.loans.replay-from=2023-01-08T06:46:22")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("eventbus.consumer.workers.loans.replay-from")
				.hasMessageContaining("no UTC offset"));
	}

	@Test
	void workerStartPositionWithRedisFailsNamingTheProperty() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("spring.application.name=library", "eventbus.transport=redis",
					"eventbus.consumer.workers.loans.topic=loans", "eventbus.consumer.workers.loans.start-position=latest")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("eventbus.consumer.workers.loans.start-position")
				.hasMessageContaining("check-backlog"));
	}

	@Test
	void negativeRetryAttemptsFailNamingTheProperty() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("eventbus.consumer.retry.max-attempts=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("eventbus.consumer.retry.max-attempts"));
	}

	@Test
	void consumerKillSwitchKeepsWorkersFromStarting() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("spring.application.name=library", "eventbus.consumer.enabled=false",
					"eventbus.consumer.workers.loans.topic=loans")
			.run((context) -> {
				EventBusWorkers workers = context.getBean(EventBusWorkers.class);
				assertThat(workers.isAutoStartup()).isFalse();
				assertThat(workers.getStatuses()).extracting((status) -> status.state())
					.containsExactly(ConsumerState.NEW);
			});
	}

	@Test
	void commandModeKeepsConfiguredWorkersFromStarting() {
		EventBusCommandLine commandLine = new EventBusCommandLine(new CommandArguments.GenerateAvroSchemas(
				List.of("--all")), System.out);
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withBean(EventBusCommandLine.class, () -> commandLine)
			.withPropertyValues("spring.application.name=library", "eventbus.consumer.workers.loans.topic=loans")
			.run((context) -> assertThat(context.getBean(EventBusWorkers.class).isAutoStartup()).isFalse());
	}

	@Test
	void exitOnFailureIsOffByDefault() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.run((context) -> assertThat(context).doesNotHaveBean(ExitOnConsumerFailure.class));
	}

	@Test
	void exitOnFailureCanBeSwitchedOn() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("eventbus.consumer.exit-on-failure=true")
			.run((context) -> assertThat(context).hasSingleBean(ExitOnConsumerFailure.class));
	}

	@Test
	void publishedEventIsStampedOnceAndSentOncePerEnabledRoute() {
		this.contextRunner.withBean(RecordingProducer.class, RecordingProducer::new)
			.withUserConfiguration(LoanListener.class)
			.withPropertyValues("eventbus.service-name=library", LOANED + ".loans.event-key-field=book.isbn",
					LOANED + ".loans-audit.event-key-field=book.isbn", LOANED + ".off.event-key-field=book.isbn",
					LOANED + ".off.enabled=false")
			.run((context) -> {
				OpenEdxEvent<BookData> event = TestEvents.BOOK_LOANED.event(new BookData("isbn-1", "Dune", 2));
				context.publishEvent(event);
				List<RecordingProducer.Send> sends = context.getBean(RecordingProducer.class).sends();
				assertThat(sends).extracting(RecordingProducer.Send::topic).containsExactly("loans", "loans-audit");
				assertThat(sends).extracting(RecordingProducer.Send::eventKeyField).containsOnly("book.isbn");
				EventsMetadata seenLocally = context.getBean(LoanListener.class).metadata.get(0);
				assertThat(seenLocally.source()).isEqualTo("openedx/library/web");
				assertThat(sends).allSatisfy((send) -> assertThat(send.event().metadata()).isEqualTo(seenLocally));
			});
	}

	@Test
	void configuredWorkerDeliversReceivedEventsToListenersAndAcknowledgesThem() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withUserConfiguration(LoanListener.class)
			.withPropertyValues("spring.application.name=library", "eventbus.consumer.workers.loans.topic=loans")
			.run((context) -> {
				InMemoryConsumerFactory bus = context.getBean(InMemoryConsumerFactory.class);
				EventsMetadata metadata = EventOrigin.forService("lms").newMetadata(TestEvents.BOOK_LOANED);
				BookData data = new BookData("isbn-2", "Emma", 1);
				InMemoryConsumerFactory.Message message = bus.deliver("loans",
						OpenEdxEvent.received(TestEvents.BOOK_LOANED, data, metadata));
				LoanListener listener = context.getBean(LoanListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> bus.acknowledged().contains(message));
				assertThat(listener.data).containsExactly(data);
				assertThat(listener.metadata).containsExactly(metadata);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class LibraryEventTypes {

		@Bean
		EventType<BookData> bookLoaned() {
			return TestEvents.BOOK_LOANED;
		}

		@Bean
		EventType<BookData> bookReturned() {
			return TestEvents.BOOK_RETURNED;
		}

		@Bean
		EventType<TestEvents.MemberData> memberJoined() {
			return TestEvents.MEMBER_JOINED;
		}

		@Bean
		EventType<TestEvents.MemberData> memberScanned() {
			return TestEvents.MEMBER_SCANNED;
		}

	}

	static class LoanListener {

		final List<BookData> data = new CopyOnWriteArrayList<>();

		final List<EventsMetadata> metadata = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener(TestEvents.BOOK_LOANED_TYPE)
		void on(BookData book, EventsMetadata metadata) {
			this.data.add(book);
			this.metadata.add(metadata);
		}

	}

}
