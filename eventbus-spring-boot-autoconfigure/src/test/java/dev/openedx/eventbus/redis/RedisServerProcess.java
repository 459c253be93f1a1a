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

package dev.openedx.eventbus.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A redis-server of a test's own, on a free port, persisting every write (append-only file, fsync always) so its
 * data survives a kill and restart. Only this process is ever killed; the shared server is never touched.
 */
public final class RedisServerProcess implements AutoCloseable {

	private final Path directory;

	private final int port;

	private final List<String> extraArguments;

	private Process process;

	private RedisServerProcess(Path directory, int port, List<String> extraArguments) {
		this.directory = directory;
		this.port = port;
		this.extraArguments = extraArguments;
	}

	public static RedisServerProcess start() throws IOException, InterruptedException {
		return start(new String[0]);
	}

	/**
	 * Start a server with extra command-line settings, for example {@code "--requirepass", "secret"}.
	 * @param extraArguments the settings
	 * @return the running server
	 */
	public static RedisServerProcess start(String... extraArguments) throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		RedisServerProcess server = new RedisServerProcess(Files.createTempDirectory("eventbus-redis-"), port,
				List.of(extraArguments));
		server.restart();
		return server;
	}

	public int port() {
		return this.port;
	}

	/** Start (again) on the same port and data directory, and wait until it answers PING. */
	public void restart() throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("redis-server", "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--dir", this.directory.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
				"--daemonize", "no"));
		command.addAll(this.extraArguments);
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("redis.log").toFile()))
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!answersPing()) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("redis-server on port " + this.port + " exited: "
						+ Files.readString(this.directory.resolve("redis.log")));
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("redis-server on port " + this.port + " does not answer");
			}
			Thread.sleep(20);
		}
	}

	/** Kill -9, as a crash or an OOM kill would: no shutdown, no final save. */
	public void kill() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("redis-server on port " + this.port + " did not die");
			}
		}
	}

	private boolean answersPing() {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.readNBytes(reply, 0, reply.length);
			String answer = new String(reply, 0, read, StandardCharsets.US_ASCII);
			// A server with a password answers, but refuses PING before AUTH.
			return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() throws Exception {
		kill();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
