package dev.openedx.eventbus.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusKafkaAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=localhost:9092");

	@Test
	void kafkaIsTheDefaultTransport() {
		this.contextRunner.withPropertyValues("eventbus.kafka.schema-registry.url=http://localhost:8081")
			.run((context) -> assertThat(context).hasSingleBean(EventBusKafkaAutoConfiguration.class));
	}

	@Test
	void kafkaTransportWithoutSchemaRegistryFailsNamingTheProperty() {
		this.contextRunner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("eventbus.kafka.schema-registry.url"));
	}

	@Test
	void backsOffWithoutSpringKafka() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventBusKafkaAutoConfiguration.class));
	}

	@Test
	void backsOffWhenTheTransportIsRedis() {
		this.contextRunner.withPropertyValues("eventbus.transport=redis")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventBusKafkaAutoConfiguration.class));
	}

	@Test
	void backsOffWhenTheBusIsDisabled() {
		this.contextRunner.withPropertyValues("eventbus.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventBusKafkaAutoConfiguration.class));
	}

}
