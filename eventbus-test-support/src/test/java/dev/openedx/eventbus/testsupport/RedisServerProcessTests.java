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
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A redis-server of a test's own, plain or with TLS and ACL users.
 */
class RedisServerProcessTests {

	@Test
	void plainServerAnswersAndSurvivesAKill() throws Exception {
		try (RedisServerProcess redis = RedisServerProcess.start()) {
			assertThat(redis.url()).isEqualTo("redis://localhost:" + redis.port());
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
				assertThat(command(socket, "SET", "k", "v")).isEqualTo("+OK");
			}
			redis.kill();
			redis.restart();
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
				assertThat(command(socket, "GET", "k")).isEqualTo("$1");
			}
		}
	}

	@Test
	void tlsServerWithAclUsersLetsEachDoWhatItsRulesAllow() throws Exception {
		String password = TestCertificates.randomSecret();
		try (TestCertificates certificates = TestCertificates.generate();
				RedisServerProcess redis = RedisServerProcess.builder()
					.tls(certificates)
					.user("bus", password, "~bus-*", "+ping", "+set")
					.start()) {
			assertThat(redis.url("bus", password)).startsWith("rediss://bus:");
			try (Socket socket = tls(certificates.trustingSslContext(), redis.port())) {
				assertThat(command(socket, "PING")).startsWith("-NOAUTH");
				assertThat(command(socket, "AUTH", "bus", "wrong")).startsWith("-WRONGPASS");
				assertThat(command(socket, "AUTH", "bus", password)).isEqualTo("+OK");
				assertThat(command(socket, "SET", "bus-key", "v")).isEqualTo("+OK");
				assertThat(command(socket, "SET", "other-key", "v")).startsWith("-NOPERM");
				assertThat(command(socket, "GET", "bus-key")).startsWith("-NOPERM");
			}
			assertThat(redis.execute("bus", password, "SET", "bus-key", "w")).isEqualTo("+OK");
			assertThat(redis.execute("bus", "wrong", "PING")).startsWith("-WRONGPASS");
			assertThat(redis.execute(null, "", "PING")).startsWith("-NOAUTH");
		}
	}

	@Test
	void tlsServerRefusesPlainConnectionsAndRequiresClientCertificatesWhenToldTo() throws Exception {
		try (TestCertificates certificates = TestCertificates.generate();
				RedisServerProcess redis = RedisServerProcess.builder()
					.tls(certificates)
					.requireClientCertificate()
					.start()) {
			try (Socket socket = tls(certificates.clientSslContext(), redis.port())) {
				assertThat(command(socket, "PING")).isEqualTo("+PONG");
			}
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
				try (Socket socket = tls(certificates.trustingSslContext(), redis.port())) {
					command(socket, "PING");
				}
			});
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
				try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
					socket.setSoTimeout(2000);
					String answer = command(socket, "PING");
					throw new IOException("a plain connection got an answer: " + answer);
				}
			});
		}
	}

	private static Socket tls(SSLContext context, int port) throws IOException {
		SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
		socket.setSoTimeout(5000);
		socket.startHandshake();
		return socket;
	}

	/** Send one command and read the first line of the answer. */
	private static String command(Socket socket, String... words) throws IOException {
		StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
		for (String word : words) {
			request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
				.append("\r\n");
		}
		OutputStream out = socket.getOutputStream();
		out.write(request.toString().getBytes(StandardCharsets.UTF_8));
		out.flush();
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.write(c);
			}
		}
		if (c == -1 && line.size() == 0) {
			throw new IOException("connection closed without an answer");
		}
		return line.toString(StandardCharsets.UTF_8);
	}

}
