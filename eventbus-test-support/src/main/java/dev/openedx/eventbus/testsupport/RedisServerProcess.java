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

package dev.openedx.eventbus.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;

/**
 * A {@code redis-server} of a test's own (the one on {@code PATH}), on a free port of {@code 127.0.0.1}, persisting
 * every write (append-only file, fsync always) so its data survives a {@linkplain #kill() kill} and
 * {@linkplain #restart() restart}. It may require TLS (then it has no plain port) and ACL users; its files,
 * including the ACL file, live in a temporary directory deleted on {@link #close()}. Only this process is ever
 * killed; a shared server is never touched.
 * <pre class="code">
 * try (RedisServerProcess redis = RedisServerProcess.builder()
 *         .tls(certificates)
 *         .user("bus", password, "~eventbus-*", "+xadd", "+xreadgroup")
 *         .start()) {
 *     String url = redis.url("bus", password); // rediss://bus:...@localhost:40123
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class RedisServerProcess implements AutoCloseable {

	private final Path directory;

	private final int port;

	private final List<String> arguments;

	private final @Nullable TestCertificates certificates;

	private @Nullable Process process;

	private RedisServerProcess(Path directory, int port, List<String> arguments,
			@Nullable TestCertificates certificates) {
		this.directory = directory;
		this.port = port;
		this.arguments = List.copyOf(arguments);
		this.certificates = certificates;
	}

	/**
	 * Start a plain server without password.
	 * @return the running server
	 */
	public static RedisServerProcess start() {
		return builder().start();
	}

	/**
	 * Start a plain server with extra command-line settings, for example {@code "--requirepass", "secret"}.
	 * @param arguments the settings
	 * @return the running server
	 */
	public static RedisServerProcess start(String... arguments) {
		return builder().arguments(arguments).start();
	}

	/**
	 * A builder of a server with TLS, ACL users or other settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The port, plain or TLS.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Whether the port speaks TLS only.
	 * @return {@code true} when built with {@link Builder#tls}
	 */
	public boolean isTls() {
		return this.certificates != null;
	}

	/**
	 * The URL of the server, {@code redis://} or {@code rediss://}, with {@code localhost} as host (the name in the
	 * test server certificate).
	 * @return for example {@code rediss://localhost:40123}
	 */
	public String url() {
		return (isTls() ? "rediss" : "redis") + "://localhost:" + this.port;
	}

	/**
	 * The URL of the server with credentials in it.
	 * @param user the user name
	 * @param password the password
	 * @return for example {@code rediss://bus:secret@localhost:40123}
	 */
	public String url(String user, String password) {
		return (isTls() ? "rediss" : "redis") + "://" + user + ":" + password + "@localhost:" + this.port;
	}

	/**
	 * What the server wrote to its log so far.
	 * @return the log text
	 */
	public String log() {
		try {
			Path log = this.directory.resolve("redis.log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Send one command as a user (over TLS when the server speaks it, with the client certificate) and read the
	 * answer, to inspect the server from a test. Simple answers keep their RESP type mark ({@code "+OK"},
	 * {@code "-NOPERM ..."}, {@code ":1"}), bulk strings are given as text, arrays as {@code [a, b]} ({@code []} for
	 * {@code ACL LOG} with nothing refused).
	 * @param user the user name, or {@code null} to send the command without authenticating
	 * @param password the password
	 * @param words the command, for example {@code "ACL", "LOG"}
	 * @return the answer as text
	 */
	public String execute(@Nullable String user, String password, String... words) {
		try (Socket socket = connect()) {
			socket.setSoTimeout(5000);
			InputStream in = socket.getInputStream();
			if (user != null) {
				send(socket, "AUTH", user, password);
				String answer = String.valueOf(read(in));
				if (!answer.equals("+OK")) {
					return answer;
				}
			}
			send(socket, words);
			return String.valueOf(read(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot send a command to redis-server on port " + this.port, ex);
		}
	}

	private static void send(Socket socket, String... words) throws IOException {
		StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
		for (String word : words) {
			request.append('$')
				.append(word.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(word)
				.append("\r\n");
		}
		OutputStream out = socket.getOutputStream();
		out.write(request.toString().getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/** One RESP2/RESP3 reply, the few types a test inspects. */
	private static @Nullable Object read(InputStream in) throws IOException {
		int type = in.read();
		String line = line(in);
		switch (type) {
			case '$', '=' -> {
				int length = Integer.parseInt(line);
				if (length < 0) {
					return null;
				}
				String text = new String(in.readNBytes(length), StandardCharsets.UTF_8);
				line(in);
				return text;
			}
			case '*', '%', '~' -> {
				int count = Integer.parseInt(line) * ((type == '%') ? 2 : 1);
				List<@Nullable Object> items = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					items.add(read(in));
				}
				return items;
			}
			case -1 -> throw new IOException("connection closed without an answer");
			default -> {
				return (char) type + line;
			}
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.write(c);
			}
		}
		return line.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Start (again) on the same port and data directory, and wait until it answers.
	 */
	public void restart() {
		List<String> command = new ArrayList<>(List.of("redis-server", "--bind", "127.0.0.1", "--dir",
				this.directory.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
				"--daemonize", "no"));
		if (this.certificates != null) {
			command.addAll(List.of("--port", "0", "--tls-port", Integer.toString(this.port)));
		}
		else {
			command.addAll(List.of("--port", Integer.toString(this.port)));
		}
		command.addAll(this.arguments);
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("redis.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start redis-server (is it installed and on the PATH?)", ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!answers()) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("redis-server on port " + this.port + " exited: " + log());
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("redis-server on port " + this.port + " does not answer: " + log());
			}
			sleep(20);
		}
	}

	/**
	 * Kill -9, as a crash or an OOM kill would: no shutdown, no final save.
	 */
	public void kill() {
		Process running = this.process;
		if (running != null && running.isAlive()) {
			running.destroyForcibly();
			try {
				if (!running.waitFor(20, TimeUnit.SECONDS)) {
					throw new IllegalStateException("redis-server on port " + this.port + " did not die");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while killing redis-server", ex);
			}
		}
	}

	/**
	 * Kill the server and delete its files.
	 */
	@Override
	public void close() {
		kill();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + this.directory, ex);
		}
	}

	private boolean answers() {
		try (Socket socket = connect()) {
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.readNBytes(reply, 0, reply.length);
			String answer = new String(reply, 0, read, StandardCharsets.US_ASCII);
			// A server with a password, or whose default user is off, answers but refuses PING before AUTH.
			return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private Socket connect() throws IOException {
		if (this.certificates == null) {
			return new Socket(InetAddress.getLoopbackAddress(), this.port);
		}
		SSLSocket socket = (SSLSocket) this.certificates.clientSslContext()
			.getSocketFactory()
			.createSocket(InetAddress.getLoopbackAddress(), this.port);
		socket.startHandshake();
		return socket;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for redis-server", ex);
		}
	}

	/**
	 * Builds a server with TLS, ACL users or other settings.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final List<String> arguments = new ArrayList<>();

		private final List<String> aclLines = new ArrayList<>();

		private @Nullable TestCertificates certificates;

		private boolean requireClientCertificate;

		private Builder() {
		}

		/**
		 * Speak TLS only, serving the server certificate of the given set.
		 * @param certificates the certificates
		 * @return this builder
		 */
		public Builder tls(TestCertificates certificates) {
			this.certificates = Objects.requireNonNull(certificates, "certificates must not be null");
			return this;
		}

		/**
		 * With {@link #tls}: require a client certificate issued by the test authority (mutual TLS); without it a
		 * client may present one or not.
		 * @return this builder
		 */
		public Builder requireClientCertificate() {
			this.requireClientCertificate = true;
			return this;
		}

		/**
		 * Add an ACL user: the first one switches the {@code default} user off, so that every connection must
		 * authenticate as a user listed here.
		 * @param name the user name
		 * @param password the password, at least one character, no space
		 * @param rules the ACL rules, for example {@code "~eventbus-*"}, {@code "+xadd"}, {@code "+@stream"}
		 * @return this builder
		 */
		public Builder user(String name, String password, String... rules) {
			if (password.isEmpty() || password.chars().anyMatch(Character::isWhitespace)
					|| name.chars().anyMatch(Character::isWhitespace)) {
				throw new IllegalArgumentException("ACL user names and passwords must hold no white space");
			}
			if (this.aclLines.isEmpty()) {
				this.aclLines.add("user default off");
			}
			this.aclLines.add("user " + name + " on >" + password + " " + String.join(" ", rules));
			return this;
		}

		/**
		 * Extra command-line settings, for example {@code "--requirepass", "secret"}.
		 * @param arguments the settings
		 * @return this builder
		 */
		public Builder arguments(String... arguments) {
			this.arguments.addAll(List.of(arguments));
			return this;
		}

		/**
		 * Start the server and wait until it answers.
		 * @return the running server
		 */
		public RedisServerProcess start() {
			int port;
			Path directory;
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				port = socket.getLocalPort();
				directory = Files.createTempDirectory("eventbus-redis-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot prepare a redis-server", ex);
			}
			List<String> settings = new ArrayList<>();
			TestCertificates tls = this.certificates;
			if (tls != null) {
				settings.addAll(List.of("--tls-cert-file", tls.serverCertificatePem().toString(), "--tls-key-file",
						tls.serverKeyPem().toString(), "--tls-ca-cert-file", tls.caCertificatePem().toString(),
						"--tls-auth-clients", this.requireClientCertificate ? "yes" : "optional"));
			}
			if (!this.aclLines.isEmpty()) {
				Path aclFile = directory.resolve("users.acl");
				try {
					Files.write(aclFile, this.aclLines, StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot write " + aclFile, ex);
				}
				settings.addAll(List.of("--aclfile", aclFile.toString()));
			}
			settings.addAll(this.arguments);
			RedisServerProcess server = new RedisServerProcess(directory, port, settings, tls);
			try {
				server.restart();
			}
			catch (RuntimeException ex) {
				server.close();
				throw ex;
			}
			return server;
		}

	}

}
