package dev.openedx.eventbus.autoconfigure.listener;

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
