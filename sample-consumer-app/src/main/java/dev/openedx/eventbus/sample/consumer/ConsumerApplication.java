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

package dev.openedx.eventbus.sample.consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small catalog-like service: {@code @OpenEdxEventListener} methods keep a projection of enrollments and catalog
 * information per course, served at {@code GET /courses}, and {@code GET /events} tells how long each event took from
 * the producer to here. The workers that consume the topics are configured in {@code application.yml}.
 * <pre class="code">
 * java -jar sample-consumer-app.jar --spring.profiles.active=dev      # in-process broker, nothing to install
 * java -jar sample-consumer-app.jar consume-events -t learning-course-enrollment-lifecycle -g catalog --output -
 * </pre>
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class ConsumerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsumerApplication.class, args);
	}

}
