package dev.openedx.eventbus.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the Kafka transport ({@code eventbus.transport=kafka}, the default): a producer and a consumer
 * factory on Spring Boot's own Kafka connection settings ({@code spring.kafka.*}), with byte-array serializers and
 * the Confluent-compatible schema registry of {@code eventbus.kafka.schema-registry.*}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = EventBusAutoConfiguration.class,
		afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({ KafkaTemplate.class, org.springframework.boot.kafka.autoconfigure.KafkaProperties.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "eventbus.transport", havingValue = "kafka", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusKafkaAutoConfiguration {

	private final EventBusProperties properties;

	EventBusKafkaAutoConfiguration(EventBusProperties properties) {
		this.properties = properties;
		if (!StringUtils.hasText(properties.getKafka().getSchemaRegistry().getUrl())) {
			throw new InvalidConfigurationPropertyValueException("eventbus.kafka.schema-registry.url", null,
					"The Kafka transport needs a Confluent-compatible schema registry, for example "
							+ "http://localhost:8081 (EVENT_BUS_KAFKA_SCHEMA_REGISTRY_URL in Python).");
		}
	}

}
