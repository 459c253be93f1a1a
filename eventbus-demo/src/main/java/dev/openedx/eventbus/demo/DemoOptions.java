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

package dev.openedx.eventbus.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo's command line.
 *
 * @param transport {@code kafka} (the development services: in-process broker and registry) or {@code redis}
 * @param root the repository root, where the samples' jars are built
 * @param enrollments how many enrollments to send
 * @param redisUrl the redis-server to use with the Redis transport
 * @param startupTimeout how long each service may take to start
 * @param help whether only the usage was asked for
 * @since 0.1.0
 */
record DemoOptions(String transport, Path root, int enrollments, String redisUrl, Duration startupTimeout,
		boolean help) {

	static final String USAGE = """
			Usage: java -jar eventbus-demo/target/eventbus-demo.jar [--transport kafka|redis] [--enrollments N]
			                                                        [--redis-url URL] [--root DIR]
			  --transport     kafka (default): no broker to install, the samples' "dev" profile starts an
			                  in-process Kafka broker and schema registry; redis: a redis-server must answer
			  --enrollments   how many enrollments to send (default 6)
			  --redis-url     with --transport redis (default redis://127.0.0.1:6379)
			  --root          the repository root (default: the working directory)
			""";

	static DemoOptions parse(String... args) {
		String transport = "kafka";
		Path root = Path.of("").toAbsolutePath();
		int enrollments = 6;
		String redisUrl = "redis://127.0.0.1:6379";
		boolean help = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--transport" -> transport = value(args, ++i, arg);
				case "--root" -> root = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
				case "--enrollments" -> enrollments = positive(value(args, ++i, arg), arg);
				case "--redis-url" -> redisUrl = value(args, ++i, arg);
				case "-h", "--help" -> help = true;
				default -> throw new IllegalArgumentException("Unknown option " + arg);
			}
		}
		if (!transport.equals("kafka") && !transport.equals("redis")) {
			throw new IllegalArgumentException("--transport must be kafka or redis, was " + transport);
		}
		if (!help && !Files.isDirectory(root.resolve("sample-producer-app"))) {
			throw new IllegalArgumentException(root + " is not the repository root (no sample-producer-app there); "
					+ "run from the root or give --root");
		}
		return new DemoOptions(transport, root, enrollments, redisUrl, Duration.ofSeconds(90), help);
	}

	boolean kafka() {
		return this.transport.equals("kafka");
	}

	/** Where the services' logs and the development services' state file go. */
	Path workDirectory() {
		return this.root.resolve("eventbus-demo").resolve("target").resolve("demo");
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException("Option " + option + " needs a value");
		}
		return args[index];
	}

	private static int positive(String value, String option) {
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " must be a positive number, was " + value);
	}

}
