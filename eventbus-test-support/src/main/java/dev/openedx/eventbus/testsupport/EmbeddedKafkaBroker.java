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
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Exit;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node, in-process KRaft Kafka broker for tests, the development services and the demo: a thin launcher
 * around spring-kafka-test's {@link EmbeddedKafkaKraftBroker}, usable without a Spring context or JUnit extension.
 * Topics not created up front are created on first use with the default partition count. The broker binds to
 * {@code localhost} on a random port and deletes its log directory when closed (close it: a JVM that exits without
 * closing it leaves the directory, because deleting it at exit would pull it from under the running broker).
 * <pre class="code">
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3, "enrollments")) {
 *     Map&lt;String, Object&gt; config = Map.of("bootstrap.servers", broker.bootstrapServers());
 *     ...
 * }
 * </pre>
 * A {@linkplain #builder() built} broker can also listen as a managed Kafka does: {@code SASL_PLAINTEXT} and
 * {@code SASL_SSL} with SASL/PLAIN and SASL/SCRAM-SHA-512 (and -256) users, and {@code SSL} with mutual TLS (a client
 * certificate is required there), each on its own port beside the plain listener that
 * {@link #bootstrapServers()} names (which tests use to set things up). The standard authorizer runs, with the
 * plain listener's principal ({@code User:ANONYMOUS}) as super user and every resource without ACLs open to all, so
 * a test can take a permission away with a {@code DENY} ACL:
 * <pre class="code">
 * try (TestCertificates certificates = TestCertificates.generate();
 *         EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
 *             .tls(certificates)
 *             .scramUser("bus", password)
 *             .start()) {
 *     String saslSsl = broker.bootstrapServers(SecurityProtocol.SASL_SSL);
 *     ...
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

	/**
	 * System property set to the bootstrap servers of the last broker started (spring-kafka-test also sets
	 * {@code spring.embedded.kafka.brokers}). Not {@code spring.kafka.bootstrap-servers}, which spring-kafka-test would
	 * set by default and which would silently redirect every Spring application in the JVM.
	 */
	public static final String BOOTSTRAP_SERVERS_PROPERTY = "eventbus.embedded.kafka.bootstrap-servers";

	/** The SASL mechanisms a secured broker enables. */
	private static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

	/** The name Kafka's test kit gives the JVM shutdown hooks that delete its data directories. */
	private static final String DELETE_DATA_HOOK = "delete-temp-file-shutdown-hook";

	/** Kafka's storage formatter prints these to standard output, with no way to give it another stream. */
	private static final List<String> FORMATTER_LINES = List.of("Bootstrap metadata:", "Formatting metadata directory");

	private static final LogAccessor logger = new LogAccessor(EmbeddedKafkaBroker.class);

	/** Held while a broker starts: the hook and output redirections below are global to the JVM. */
	private static final Object starting = new Object();

	private final EmbeddedKafkaKraftBroker broker;

	private final int partitions;

	private final List<SecurityProtocol> securedListeners;

	private final List<Runnable> dataDeletions = new ArrayList<>();

	private EmbeddedKafkaBroker(int partitions, Map<String, String> brokerProperties, String... topics) {
		this(partitions, brokerProperties, List.of(), topics);
	}

	private EmbeddedKafkaBroker(int partitions, Map<String, String> brokerProperties,
			List<SecurityProtocol> securedListeners, String... topics) {
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
		}
		this.partitions = partitions;
		this.securedListeners = List.copyOf(securedListeners);
		this.broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
		this.broker.brokerListProperty(BOOTSTRAP_SERVERS_PROPERTY);
		this.broker.brokerProperties(brokerProperties);
		synchronized (starting) {
			// Kafka's test kit registers a JVM shutdown hook that deletes the broker's data directory. On SIGTERM it
			// runs at the same time as the application's own shutdown, which stops this broker: the broker then
			// finds its log directory gone and logs ERROR lines. Keep those deletions for close(), after the broker
			// stopped (the test kit deletes the directory on close anyway; they only make sure).
			Exit.setShutdownHookAdder((name, hook) -> {
				if (DELETE_DATA_HOOK.equals(name)) {
					this.dataDeletions.add(hook);
				}
				else {
					Runtime.getRuntime().addShutdownHook(new Thread(hook, name));
				}
			});
			PrintStream out = System.out;
			LineFilter formatterOutput = new LineFilter(out);
			System.setOut(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8));
			try {
				this.broker.afterPropertiesSet();
			}
			finally {
				System.setOut(out);
				formatterOutput.finish();
				Exit.resetShutdownHookAdder();
			}
		}
	}

	/**
	 * A builder of a broker with secured listeners and users.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start a broker whose topics get the given number of partitions, creating the given topics now.
	 * @param partitions partitions of every topic created now or on first use
	 * @param topics topics to create now
	 * @return the running broker, never {@code null}
	 */
	public static EmbeddedKafkaBroker start(int partitions, String... topics) {
		return new EmbeddedKafkaBroker(partitions, Map.of(), topics);
	}

	/**
	 * Start a broker with extra broker settings, for example {@code group.min.session.timeout.ms}.
	 * @param partitions partitions of every topic created now or on first use
	 * @param brokerProperties broker settings
	 * @param topics topics to create now
	 * @return the running broker, never {@code null}
	 */
	public static EmbeddedKafkaBroker start(int partitions, Map<String, String> brokerProperties, String... topics) {
		return new EmbeddedKafkaBroker(partitions, new LinkedHashMap<>(brokerProperties), topics);
	}

	/**
	 * The address clients connect to.
	 * @return the {@code bootstrap.servers} value, for example {@code localhost:41523}
	 */
	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	/**
	 * The address of one of the secured listeners of a {@linkplain #builder() built} broker.
	 * @param protocol {@code SASL_PLAINTEXT}, {@code SASL_SSL} (with {@link Builder#tls}) or {@code SSL} (mutual
	 * TLS, with {@link Builder#tls})
	 * @return the {@code bootstrap.servers} value, for example {@code localhost:41529}
	 * @throws IllegalArgumentException when the broker has no such listener
	 */
	public String bootstrapServers(SecurityProtocol protocol) {
		if (!this.securedListeners.contains(protocol)) {
			throw new IllegalArgumentException("This broker has no " + protocol + " listener; it has "
					+ this.securedListeners + " beside PLAINTEXT (" + bootstrapServers() + ")");
		}
		BrokerServer server = brokerServer();
		return "localhost:" + server.boundPort(ListenerName.forSecurityProtocol(protocol));
	}

	/**
	 * Create or replace a SASL/SCRAM user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials) and wait until the broker
	 * accepts it.
	 * @param user the user name
	 * @param password the password
	 */
	public void addScramUser(String user, String password) {
		if (!this.securedListeners.contains(SecurityProtocol.SASL_PLAINTEXT)) {
			throw new IllegalStateException("This broker has no SASL listener: build it with a user or tls()");
		}
		try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			// One request per mechanism: the broker refuses two alterations of one user in a request.
			for (ScramMechanism mechanism : List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
				UserScramCredentialAlteration upsertion = new UserScramCredentialUpsertion(user,
						new ScramCredentialInfo(mechanism, 4096), password);
				admin.alterUserScramCredentials(List.of(upsertion)).all().get(30, TimeUnit.SECONDS);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot create SCRAM user " + user, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating SCRAM user " + user, ex);
		}
		awaitLogin(user, password);
	}

	/**
	 * The client settings that log in as a SCRAM-SHA-512 user on the {@code SASL_PLAINTEXT} listener (add the TLS
	 * settings for {@code SASL_SSL}).
	 * @param user the user name
	 * @param password the password
	 * @return {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config}
	 */
	public static Map<String, Object> scramClientConfig(String user, String password) {
		return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name,
				SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512", SaslConfigs.SASL_JAAS_CONFIG,
				"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
						+ "\" password=\"" + password + "\";");
	}

	// The controller applies the credential, the broker learns it from the metadata log a moment later.
	private void awaitLogin(String user, String password) {
		Map<String, Object> config = new LinkedHashMap<>(scramClientConfig(user, password));
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(SecurityProtocol.SASL_PLAINTEXT));
		config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Exception last = null;
		while (System.nanoTime() < deadline) {
			try (Admin admin = Admin.create(config)) {
				admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
				return;
			}
			catch (ExecutionException | TimeoutException ex) {
				last = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for SCRAM user " + user, ex);
			}
			sleep(100);
		}
		throw new IllegalStateException("The broker does not accept SCRAM user " + user + " within 30 s", last);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * The partition count of topics created without an explicit one.
	 * @return the default partition count
	 */
	public int partitions() {
		return this.partitions;
	}

	/**
	 * Create topics with the default partition count and wait until they exist.
	 * @param topics the topic names
	 */
	public void createTopics(String... topics) {
		createTopics(this.partitions, topics);
	}

	/**
	 * Create topics with the given partition count and wait until they exist.
	 * @param partitions the partition count
	 * @param topics the topic names
	 */
	public void createTopics(int partitions, String... topics) {
		NewTopic[] newTopics = new NewTopic[topics.length];
		for (int i = 0; i < topics.length; i++) {
			newTopics[i] = new NewTopic(Objects.requireNonNull(topics[i], "topic must not be null"), partitions,
					(short) 1);
		}
		this.broker.addTopics(newTopics);
	}

	/**
	 * Stop the broker (not its KRaft controller), as a broker outage would look to clients: connections are refused
	 * until {@link #startBroker()}. Its data stays: topics, records and committed offsets survive the restart.
	 * @since 0.2.0
	 */
	public void stopBroker() {
		BrokerServer server = brokerServer();
		server.shutdown();
		server.awaitShutdown();
	}

	/**
	 * Start the broker stopped by {@link #stopBroker()} again, on the same port and data, and wait until it serves
	 * clients.
	 * @since 0.2.0
	 */
	public void startBroker() {
		brokerServer().startup();
		try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			// Serving only once the broker has caught up with the metadata log and been unfenced.
			admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
			admin.listTopics().names().get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The restarted broker does not answer on " + bootstrapServers(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the restarted broker", ex);
		}
	}

	private BrokerServer brokerServer() {
		return this.broker.getCluster().brokers().values().iterator().next();
	}

	/**
	 * Stop the broker and delete its data.
	 */
	@Override
	public void close() {
		this.broker.destroy();
		this.dataDeletions.forEach(Runnable::run);
		this.dataDeletions.clear();
	}

	/**
	 * Standard output while a broker starts: the storage formatter's lines go to the DEBUG log, every other line
	 * (another thread's) goes on to standard output.
	 */
	private static final class LineFilter extends OutputStream {

		private final PrintStream target;

		private final ByteArrayOutputStream line = new ByteArrayOutputStream();

		LineFilter(PrintStream target) {
			this.target = target;
		}

		@Override
		public synchronized void write(int b) {
			this.line.write(b);
			if (b == '\n') {
				finish();
			}
		}

		/** Pass on or log what was written since the last line: a flush mid-line (println flushes) waits. */
		synchronized void finish() {
			if (this.line.size() == 0) {
				return;
			}
			String text = this.line.toString(StandardCharsets.UTF_8);
			this.line.reset();
			if (FORMATTER_LINES.stream().anyMatch(text::startsWith)) {
				logger.debug(() -> text.strip());
			}
			else {
				this.target.print(text);
				this.target.flush();
			}
		}

	}

	/**
	 * Builds a broker with secured listeners. Users and passwords must not contain a double quote or a backslash
	 * (they go into a JAAS configuration).
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private int partitions = 1;

		private final List<String> topics = new ArrayList<>();

		private final Map<String, String> brokerProperties = new LinkedHashMap<>();

		private final Map<String, String> plainUsers = new LinkedHashMap<>();

		private final Map<String, String> scramUsers = new LinkedHashMap<>();

		private @Nullable TestCertificates certificates;

		private Builder() {
		}

		/**
		 * The partition count of topics created now or on first use (1 unless set).
		 * @param partitions the partition count
		 * @return this builder
		 */
		public Builder partitions(int partitions) {
			this.partitions = partitions;
			return this;
		}

		/**
		 * Topics to create at start.
		 * @param topics the topic names
		 * @return this builder
		 */
		public Builder topics(String... topics) {
			this.topics.addAll(List.of(topics));
			return this;
		}

		/**
		 * A broker setting, for example {@code group.min.session.timeout.ms}.
		 * @param name the setting
		 * @param value its value
		 * @return this builder
		 */
		public Builder brokerProperty(String name, String value) {
			this.brokerProperties.put(name, value);
			return this;
		}

		/**
		 * Listen with TLS too: a {@code SASL_SSL} listener, and an {@code SSL} listener that requires a client
		 * certificate issued by the same authority (mutual TLS).
		 * @param certificates the server certificate to serve and the authority to trust
		 * @return this builder
		 */
		public Builder tls(TestCertificates certificates) {
			this.certificates = Objects.requireNonNull(certificates, "certificates must not be null");
			return this;
		}

		/**
		 * A SASL/PLAIN user (the broker's JAAS configuration lists it).
		 * @param user the user name
		 * @param password the password
		 * @return this builder
		 */
		public Builder plainUser(String user, String password) {
			this.plainUsers.put(checked(user), checked(password));
			return this;
		}

		/**
		 * A SASL/SCRAM user, created through the Admin API once the broker is up.
		 * @param user the user name
		 * @param password the password
		 * @return this builder
		 */
		public Builder scramUser(String user, String password) {
			this.scramUsers.put(checked(user), checked(password));
			return this;
		}

		/**
		 * Start the broker, create the SCRAM users and wait until it accepts them.
		 * @return the running broker
		 */
		public EmbeddedKafkaBroker start() {
			List<SecurityProtocol> secured = new ArrayList<>(List.of(SecurityProtocol.SASL_PLAINTEXT));
			if (this.certificates != null) {
				secured.add(SecurityProtocol.SASL_SSL);
				secured.add(SecurityProtocol.SSL);
			}
			Map<String, String> properties = new LinkedHashMap<>(securityProperties(secured));
			properties.putAll(this.brokerProperties);
			EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(this.partitions, properties, secured,
					this.topics.toArray(String[]::new));
			try {
				this.scramUsers.forEach(broker::addScramUser);
			}
			catch (RuntimeException ex) {
				broker.close();
				throw ex;
			}
			return broker;
		}

		private Map<String, String> securityProperties(List<SecurityProtocol> secured) {
			// The test kit names its plain listener EXTERNAL and its controller listener CONTROLLER, and binds both
			// itself; the secured listeners are added beside them on ports of their own.
			Map<String, String> properties = new LinkedHashMap<>();
			StringBuilder listeners = new StringBuilder("EXTERNAL://localhost:0,CONTROLLER://localhost:0");
			StringBuilder protocols = new StringBuilder("EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
			for (SecurityProtocol protocol : secured) {
				listeners.append(',').append(protocol.name).append("://localhost:0");
				protocols.append(',').append(protocol.name).append(':').append(protocol.name);
			}
			properties.put("listeners", listeners.toString());
			properties.put("listener.security.protocol.map", protocols.toString());
			properties.put("sasl.enabled.mechanisms", String.join(",", MECHANISMS));
			StringBuilder plain = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
			this.plainUsers.forEach((user, password) -> plain.append(" user_").append(user)
				.append("=\"")
				.append(password)
				.append('"'));
			plain.append(';');
			for (SecurityProtocol protocol : secured) {
				if (protocol == SecurityProtocol.SSL) {
					continue;
				}
				String prefix = "listener.name." + protocol.name.toLowerCase(Locale.ROOT) + ".";
				properties.put(prefix + "plain.sasl.jaas.config", plain.toString());
				for (String scram : List.of("scram-sha-256", "scram-sha-512")) {
					properties.put(prefix + scram + ".sasl.jaas.config",
							"org.apache.kafka.common.security.scram.ScramLoginModule required;");
				}
			}
			TestCertificates tls = this.certificates;
			if (tls != null) {
				properties.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, tls.serverKeyStore().toString());
				properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, TestCertificates.STORE_TYPE);
				properties.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, tls.password());
				properties.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, tls.password());
				properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.trustStore().toString());
				properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TestCertificates.STORE_TYPE);
				properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.password());
				properties.put("listener.name.ssl.ssl.client.auth", "required");
			}
			properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
			properties.put("allow.everyone.if.no.acl.found", "true");
			properties.put("super.users", "User:ANONYMOUS");
			return properties;
		}

		private static String checked(String value) {
			Objects.requireNonNull(value, "user names and passwords must not be null");
			if (value.isEmpty() || value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
				throw new IllegalArgumentException(
						"User names and passwords must be non-empty and hold no double quote or backslash");
			}
			return value;
		}

	}

}
