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

package dev.openedx.eventbus.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusCommandRunListenerTests {

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

	private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

	private final List<Integer> exits = new ArrayList<>();

	@Test
	void wrongCommandLineExitsWithStatusTwoAndPrintsTheUsage() {
		EventBusCommandRunListener listener = listener("consume-events", "-t", "enrollments");
		listener.environmentPrepared(new DefaultBootstrapContext(), new MockEnvironment());
		assertThat(this.exits).containsExactly(2);
		assertThat(this.stderr.toString(StandardCharsets.UTF_8)).contains("Option --group-id is required")
			.contains("Usage: java -jar app.jar consume-events -t TOPIC -g GROUP");
	}

	@Test
	void commandModeTurnsTheWebServerOffWhateverTheConfigurationSays() {
		EventBusCommandRunListener listener = listener("consume-events", "-t", "t", "-g", "g");
		MockEnvironment environment = new MockEnvironment().withProperty("spring.main.web-application-type",
				"servlet");
		listener.environmentPrepared(new DefaultBootstrapContext(), environment);
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
	}

	@Test
	void generateAvroSchemasNeedsNoTransportSettings() {
		EventBusCommandRunListener listener = listener("generate-avro-schemas", "--all");
		MockEnvironment environment = new MockEnvironment().withProperty("eventbus.enabled", "true");
		listener.environmentPrepared(new DefaultBootstrapContext(), environment);
		assertThat(environment.getProperty("eventbus.enabled")).isEqualTo("false");
	}

	@Test
	void consumeEventsKeepsTheEventBusOn() {
		EventBusCommandRunListener listener = listener("consume-events", "-t", "t", "-g", "g");
		MockEnvironment environment = new MockEnvironment();
		listener.environmentPrepared(new DefaultBootstrapContext(), environment);
		assertThat(environment.getProperty("eventbus.enabled")).isNull();
	}

	@Test
	void applicationWithoutCommandIsLeftAlone() {
		EventBusCommandRunListener listener = listener("--server.port=8080");
		MockEnvironment environment = new MockEnvironment();
		listener.environmentPrepared(new DefaultBootstrapContext(), environment);
		GenericApplicationContext context = new GenericApplicationContext();
		listener.contextPrepared(context);
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
		assertThat(context.getBeanFactory().containsSingleton(EventBusCommandRunListener.COMMAND_LINE_BEAN_NAME))
			.isFalse();
		assertThat(this.exits).isEmpty();
	}

	@Test
	void commandsSwitchedOffLeaveTheFirstArgumentToTheApplication() {
		EventBusCommandRunListener listener = listener("consume-events", "--its-own-option");
		MockEnvironment environment = new MockEnvironment().withProperty("eventbus.commands.enabled", "false");
		listener.environmentPrepared(new DefaultBootstrapContext(), environment);
		GenericApplicationContext context = new GenericApplicationContext();
		listener.contextPrepared(context);
		assertThat(this.exits).isEmpty();
		assertThat(this.stderr.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
		assertThat(context.getBeanFactory().containsSingleton(EventBusCommandRunListener.COMMAND_LINE_BEAN_NAME))
			.isFalse();
	}

	@Test
	void aWrongCommandLineSaysHowToSwitchTheCommandsOff() {
		listener("produce-event", "--its-own-option")
			.environmentPrepared(new DefaultBootstrapContext(), new MockEnvironment());
		assertThat(this.exits).containsExactly(2);
		assertThat(this.stderr.toString(StandardCharsets.UTF_8)).contains("eventbus.commands.enabled=false");
	}

	@Test
	void anApplicationWithTheCommandsOffStartsWithItsOwnFirstArgument() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Plain.class)
			.web(WebApplicationType.NONE)
			.properties("eventbus.commands.enabled=false", "spring.main.banner-mode=off")
			.run("consume-events", "--its-own-option")) {
			assertThat(context.getBean(ApplicationArguments.class).getSourceArgs())
				.containsExactly("consume-events", "--its-own-option");
			assertThat(context.containsBean(EventBusCommandRunListener.COMMAND_LINE_BEAN_NAME)).isFalse();
		}
	}

	@Test
	void commandLineIsRegisteredAsABean() {
		EventBusCommandRunListener listener = listener("produce-event", "-s", "a.b.v1", "-t", "t", "-d", "{}");
		listener.environmentPrepared(new DefaultBootstrapContext(), new MockEnvironment());
		GenericApplicationContext context = new GenericApplicationContext();
		listener.contextPrepared(context);
		context.refresh();
		assertThat(context.getBean(EventBusCommandLine.class).command()).isEqualTo(EventBusCommand.PRODUCE_EVENT);
	}

	@Test
	void readyApplicationExitsWithTheCommandsExitCode() {
		EventBusCommandRunListener listener = listener("generate-avro-schemas", "--all");
		listener.environmentPrepared(new DefaultBootstrapContext(), new MockEnvironment());
		GenericApplicationContext context = new GenericApplicationContext();
		listener.contextPrepared(context);
		context.registerBean("exitCode", org.springframework.boot.ExitCodeGenerator.class, () -> () -> 7);
		context.refresh();
		listener.ready(context, java.time.Duration.ZERO);
		assertThat(this.exits).containsExactly(7);
		assertThat(context.isActive()).isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	static class Plain {

	}

	private EventBusCommandRunListener listener(String... args) {
		return new EventBusCommandRunListener(args, new PrintStream(this.stdout, true, StandardCharsets.UTF_8),
				new PrintStream(this.stderr, true, StandardCharsets.UTF_8), this.exits::add);
	}

}
