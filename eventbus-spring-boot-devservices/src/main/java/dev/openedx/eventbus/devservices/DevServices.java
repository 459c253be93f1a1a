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

package dev.openedx.eventbus.devservices;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

/**
 * The broker and registry of one development machine, shared by every service on it. The first service to need them
 * starts them (the in-process broker only binds random ports) and writes their addresses to a state file; the others
 * read that file and join. The owner stops them and deletes the file when it stops. A file lock makes two services
 * starting at the same moment agree on one owner.
 *
 * @since 0.1.0
 */
final class DevServices implements AutoCloseable {

	private static final LogAccessor logger = new LogAccessor(DevServices.class);

	private static final String BOOTSTRAP_SERVERS = "bootstrap-servers";

	private static final String REGISTRY_URL = "schema-registry-url";

	private final List<AutoCloseable> owned = new ArrayList<>();

	private final Path stateFile;

	private final String bootstrapServers;

	private final String registryUrl;

	private boolean replacedStale;

	private DevServices(Path stateFile, String bootstrapServers, String registryUrl) {
		this.stateFile = stateFile;
		this.bootstrapServers = bootstrapServers;
		this.registryUrl = registryUrl;
	}

	static DevServices startOrJoin(Path stateFile, int partitions) {
		Path lockFile = stateFile.resolveSibling(stateFile.getFileName() + ".lock");
		try {
			Files.createDirectories(stateFile.toAbsolutePath().getParent());
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				boolean stale = Files.exists(stateFile);
				DevServices running = join(stateFile);
				if (running != null) {
					return running;
				}
				DevServices started = start(stateFile, partitions);
				started.replacedStale = stale;
				return started;
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Event bus dev services cannot use the state file " + stateFile
					+ "; set eventbus.dev-services.state-file to a writable path", ex);
		}
	}

	private static @Nullable DevServices join(Path stateFile) throws IOException {
		if (!Files.exists(stateFile)) {
			return null;
		}
		Properties state = new Properties();
		try (Reader reader = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
			state.load(reader);
		}
		String servers = state.getProperty(BOOTSTRAP_SERVERS);
		String registry = state.getProperty(REGISTRY_URL);
		if (servers == null || registry == null || !answers(servers) || !answers(URI.create(registry).getAuthority())) {
			return null;
		}
		return new DevServices(stateFile, servers, registry);
	}

	private static DevServices start(Path stateFile, int partitions) throws IOException {
		// One partition for the offsets topic (50 by default): a development broker has a handful of groups, and
		// creating 50 partitions slows the first start of every machine's first consumer.
		EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(partitions,
				Map.of("auto.create.topics.enable", "true", "offsets.topic.num.partitions", "1"));
		InMemorySchemaRegistry registry;
		try {
			registry = new InMemorySchemaRegistry();
		}
		catch (RuntimeException ex) {
			broker.close();
			throw ex;
		}
		DevServices services = new DevServices(stateFile, broker.bootstrapServers(), registry.url());
		services.owned.add(broker);
		services.owned.add(registry);
		Properties state = new Properties();
		state.setProperty(BOOTSTRAP_SERVERS, services.bootstrapServers);
		state.setProperty(REGISTRY_URL, services.registryUrl);
		state.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
		Path temporary = Files.createTempFile(stateFile.toAbsolutePath().getParent(), "eventbus-dev", ".tmp");
		try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
			state.store(writer, "Event bus development services of this machine; deleted when their owner stops");
		}
		Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return services;
	}

	/**
	 * What happened, for the one line the development services log at start-up.
	 * @return for example {@code started an in-process Kafka broker at localhost:41523 and a schema registry at
	 * http://127.0.0.1:40211, shared with the other services of this machine through
	 * /tmp/eventbus-dev-services.properties}
	 */
	String describe() {
		if (ownsAny()) {
			return "started an in-process Kafka broker at " + this.bootstrapServers + " and a schema registry at "
					+ this.registryUrl + ", shared with the other services of this machine through " + this.stateFile
					+ (this.replacedStale ? " (the services it named before no longer answered)" : "");
		}
		return "joined the Kafka broker at " + this.bootstrapServers + " and the schema registry at " + this.registryUrl
				+ " that another service of this machine started (" + this.stateFile + ")";
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	String registryUrl() {
		return this.registryUrl;
	}

	boolean ownsAny() {
		return !this.owned.isEmpty();
	}

	private static boolean answers(String hostAndPort) {
		String first = hostAndPort.split(",")[0].strip();
		int colon = first.lastIndexOf(':');
		if (colon < 0) {
			return false;
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
					500);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	@Override
	public synchronized void close() {
		if (this.owned.isEmpty()) {
			return;
		}
		try {
			Files.deleteIfExists(this.stateFile);
		}
		catch (IOException ex) {
			logger.warn(ex, "Event bus dev services: could not delete " + this.stateFile);
		}
		for (int i = this.owned.size() - 1; i >= 0; i--) {
			AutoCloseable service = this.owned.get(i);
			try {
				service.close();
			}
			catch (Exception ex) {
				logger.warn(ex, "Event bus dev services: could not stop " + service);
			}
		}
		this.owned.clear();
	}

}
