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

package dev.openedx.eventbus.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A consumer in a JVM of its own, on the test class path, for tests that kill it with {@code SIGKILL}: no shutdown
 * hook, no close, no last commit or acknowledgement, as an OOM kill or a lost node would. The child's main method
 * calls {@link #reportHandled(long)} once a listener call returned; this side counts those reports per sequence
 * number, so a test can tell what was handled before the kill, and how often.
 * <pre class="code">
 * try (ConsumerProcess victim = ConsumerProcess.start(CrashTestConsumer.class, servers, registry, topic, group)) {
 *     victim.awaitReports(3_000, Duration.ofSeconds(90));
 *     victim.kill();
 *     Map&lt;Long, Integer&gt; handled = victim.handled();
 * }
 * </pre>
 */
public final class ConsumerProcess implements AutoCloseable {

	/** The line prefix of a report, followed by the sequence number. */
	public static final String HANDLED = "HANDLED ";

	/** Other output lines kept, the last ones, to explain a child that died on its own. */
	private static final int KEPT_LINES = 40;

	private final String name;

	private final Process process;

	private final Thread reader;

	private final Map<Long, Integer> handled = new ConcurrentHashMap<>();

	private final AtomicInteger reports = new AtomicInteger();

	private final Deque<String> otherLines = new ArrayDeque<>();

	private ConsumerProcess(String name, Process process) {
		this.name = name;
		this.process = process;
		this.reader = new Thread(this::read, name + "-output");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Start {@code java -cp <test class path> <main> <arguments>}, standard error merged into standard output.
	 * @param main the class whose main method runs the consumer
	 * @param arguments its arguments
	 * @return the running process
	 */
	public static ConsumerProcess start(Class<?> main, String... arguments) {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", testClassPath(), main.getName()));
		command.addAll(List.of(arguments));
		try {
			return new ConsumerProcess(main.getSimpleName(),
					new ProcessBuilder(command).redirectErrorStream(true).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + main.getName() + " in a JVM of its own", ex);
		}
	}

	/**
	 * In the child: report that the event with this sequence number was handled (its listener returned).
	 * @param sequence the sequence number
	 */
	public static void reportHandled(long sequence) {
		PrintStream out = System.out;
		synchronized (out) {
			out.println(HANDLED + sequence);
			out.flush();
		}
	}

	/**
	 * How many reports arrived so far, duplicates included.
	 * @return the count
	 */
	public int reports() {
		return this.reports.get();
	}

	/**
	 * How often each sequence number was reported.
	 * @return a live view
	 */
	public Map<Long, Integer> handled() {
		return this.handled;
	}

	/**
	 * Whether the process still runs.
	 * @return {@code true} until it exits or is killed
	 */
	/**
	 * What several processes handled between them.
	 * @param processes the processes
	 * @return the sequences handled by at least one of them
	 */
	public static Set<Long> handledByAny(List<ConsumerProcess> processes) {
		Set<Long> handled = new TreeSet<>();
		processes.forEach((process) -> handled.addAll(process.handled().keySet()));
		return handled;
	}

	/**
	 * What several processes handled more than once between them.
	 * @param processes the processes
	 * @return the sequences handled twice or more, by one of them or by several
	 */
	public static Set<Long> handledMoreThanOnce(List<ConsumerProcess> processes) {
		Map<Long, Integer> times = new HashMap<>();
		processes.forEach((process) -> process.handled().forEach((n, k) -> times.merge(n, k, Integer::sum)));
		Set<Long> twice = new TreeSet<>();
		times.forEach((n, k) -> {
			if (k > 1) {
				twice.add(n);
			}
		});
		return twice;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Wait until at least this many reports arrived.
	 * @param count the reports to wait for
	 * @param timeout how long at most
	 * @throws AssertionError when the process exits first or the time is up, with its last output lines
	 */
	public void awaitReports(int count, Duration timeout) {
		try {
			Awaitility.await(this.name + " reports " + count + " handled events")
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(5))
				.failFast(this.name + " exited", () -> !this.process.isAlive())
				.until(() -> this.reports.get() >= count);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			throw new AssertionError(ex.getMessage() + " after " + this.reports.get() + " reports; its last lines:\n"
					+ output(), ex);
		}
	}

	/**
	 * Kill the process with {@code SIGKILL} and wait until it is gone and its last reports are read.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new AssertionError(this.name + " (pid " + this.process.pid() + ") did not die within 30 s");
		}
		this.reader.join(10_000);
	}

	/**
	 * The last lines the process printed that were not reports.
	 * @return the lines, joined
	 */
	public String output() {
		synchronized (this.otherLines) {
			return String.join("\n", this.otherLines);
		}
	}

	/**
	 * Kill the process if it still runs.
	 */
	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith(HANDLED)) {
					this.handled.merge(Long.parseLong(line.substring(HANDLED.length())), 1, Integer::sum);
					this.reports.incrementAndGet();
				}
				else {
					synchronized (this.otherLines) {
						if (this.otherLines.size() == KEPT_LINES) {
							this.otherLines.removeFirst();
						}
						this.otherLines.addLast(line);
					}
				}
			}
		}
		catch (IOException ex) {
			// The pipe breaks when the process is killed.
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
	}

	private static String testClassPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

}
