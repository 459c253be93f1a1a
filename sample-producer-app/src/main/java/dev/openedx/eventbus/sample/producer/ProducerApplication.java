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
