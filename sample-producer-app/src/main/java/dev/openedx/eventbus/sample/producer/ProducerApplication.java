package dev.openedx.eventbus.sample.producer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small LMS-like service: {@code POST /enrollments} and {@code POST /courses/{courseKey}/catalog-info} publish Open
 * edX events with Spring's {@code ApplicationEventPublisher}; {@code application.yml} routes them to the bus.
 * <pre class="code">
 * java -jar sample-producer-app.jar --spring.profiles.active=dev      # in-process broker, nothing to install
 * java -jar sample-producer-app.jar --spring.profiles.active=redis    # redis-server on 127.0.0.1:6379
 * </pre>
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class ProducerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ProducerApplication.class, args);
	}

}
