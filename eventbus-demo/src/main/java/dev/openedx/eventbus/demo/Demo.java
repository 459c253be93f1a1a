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

import java.io.PrintStream;

/**
 * The one-command demo: starts the two sample services, publishes events over HTTP to the LMS-like one, and shows
 * what the catalog-like one made of them (its projection, the end-to-end latency of each event, the metrics that
 * moved), then stops everything it started. By default on the development services (an in-process Kafka broker and
 * schema registry: nothing to install), with {@code --transport redis} on a redis-server.
 * <pre class="code">
 * ./demo.sh                      # builds what it needs, then runs this
 * java -jar eventbus-demo/target/eventbus-demo.jar --transport redis
 * </pre>
 * The services' logs go to {@code eventbus-demo/target/demo/}. Exit status 0 when every event arrived, 1 otherwise,
 * 2 for a wrong command line.
 *
 * @since 0.1.0
 */
public final class Demo {

	private Demo() {
	}

	public static void main(String[] args) {
		System.exit(run(System.out, args));
	}

	/**
	 * Run the demo; {@link #main} and the demo's test both come here.
	 * @param out where the report goes
	 * @param args the command line
	 * @return the exit status
	 */
	public static int run(PrintStream out, String... args) {
		DemoOptions options;
		try {
			options = DemoOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			out.println("Error: " + ex.getMessage());
			out.print(DemoOptions.USAGE);
			return 2;
		}
		if (options.help()) {
			out.print(DemoOptions.USAGE);
			return 0;
		}
		return new DemoRun(options, out).run();
	}

}
