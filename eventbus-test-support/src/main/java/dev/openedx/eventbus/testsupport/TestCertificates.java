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

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away certificate authority with a server and a client certificate, generated for one test run and never
 * written anywhere but a temporary directory: brokers and registries started for a test serve the server certificate
 * (valid for {@code localhost} and {@code 127.0.0.1}), clients trust the authority and may present the client
 * certificate (mutual TLS). Every store is PKCS#12 and shares one random password; the same keys are also written as
 * PEM files, the form {@code redis-server} and Spring Boot's PEM SSL bundles read.
 * <pre class="code">
 * try (TestCertificates certificates = TestCertificates.generate()) {
 *     properties.put("spring.ssl.bundle.jks.broker.truststore.location", certificates.trustStore().toString());
 *     properties.put("spring.ssl.bundle.jks.broker.truststore.password", certificates.password());
 *     ...
 * }
 * </pre>
 * Needs {@code org.bouncycastle:bcpkix-jdk18on} on the class path (the JDK has no public API to issue certificates).
 *
 * @since 0.1.0
 */
public final class TestCertificates implements AutoCloseable {

	/** The store type of every key and trust store written. */
	public static final String STORE_TYPE = "PKCS12";

	/** The alias of the key entry in the server and client key stores. */
	public static final String KEY_ALIAS = "key";

	private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

	private static final SecureRandom random = new SecureRandom();

	private final Path directory;

	private final String password;

	private final String clientName;

	private final X509Certificate authority;

	private final Issued server;

	private final Issued client;

	private TestCertificates(Path directory, String clientName) throws GeneralSecurityException, IOException {
		this.directory = directory;
		this.clientName = clientName;
		this.password = randomSecret();
		Instant now = Instant.now();
		KeyPair authorityKeys = keyPair();
		X500Name authorityName = new X500Name(
				"CN=eventbus test authority " + HexFormat.of().toHexDigits(random.nextInt()));
		X509v3CertificateBuilder authorityBuilder = builder(authorityName, authorityName, authorityKeys, now);
		authorityBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
		authorityBuilder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		this.authority = sign(authorityBuilder, authorityKeys);
		this.server = issue(authorityName, authorityKeys, "localhost", now,
				new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
						new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
		this.client = issue(authorityName, authorityKeys, clientName, now, null);
		writePem(caCertificatePem(), "CERTIFICATE", this.authority.getEncoded());
		writeStores();
	}

	/**
	 * Generate an authority, a server and a client certificate in a new temporary directory, with a client
	 * certificate for {@code CN=eventbus-client}.
	 * @return the certificates, never {@code null}
	 */
	public static TestCertificates generate() {
		return generate("eventbus-client");
	}

	/**
	 * Generate an authority, a server and a client certificate in a new temporary directory.
	 * @param clientName the common name of the client certificate, which a broker sees as the client's principal
	 * ({@code User:CN=<clientName>} in Kafka)
	 * @return the certificates, never {@code null}
	 */
	public static TestCertificates generate(String clientName) {
		try {
			return new TestCertificates(Files.createTempDirectory("eventbus-certificates-"), clientName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write test certificates", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate test certificates", ex);
		}
	}

	/**
	 * A random secret of 32 letters and digits, for the passwords and tokens of a test run.
	 * @return the secret
	 */
	public static String randomSecret() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
	}

	/**
	 * The directory holding every file written.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The password of every store and key (random for each run).
	 * @return the password
	 */
	public String password() {
		return this.password;
	}

	/**
	 * The common name of the client certificate.
	 * @return the name, for example {@code eventbus-client}
	 */
	public String clientName() {
		return this.clientName;
	}

	/**
	 * The authority's certificate, PEM.
	 * @return the file
	 */
	public Path caCertificatePem() {
		return this.directory.resolve("ca.crt");
	}

	/**
	 * A trust store holding the authority's certificate.
	 * @return the PKCS#12 file
	 */
	public Path trustStore() {
		return this.directory.resolve("truststore.p12");
	}

	/**
	 * The server's key and certificate chain, under {@value #KEY_ALIAS}.
	 * @return the PKCS#12 file
	 */
	public Path serverKeyStore() {
		return this.directory.resolve("server.p12");
	}

	/**
	 * The server's certificate, PEM.
	 * @return the file
	 */
	public Path serverCertificatePem() {
		return this.directory.resolve("server.crt");
	}

	/**
	 * The server's private key, unencrypted PKCS#8 PEM.
	 * @return the file
	 */
	public Path serverKeyPem() {
		return this.directory.resolve("server.key");
	}

	/**
	 * The client's key and certificate chain, under {@value #KEY_ALIAS}.
	 * @return the PKCS#12 file
	 */
	public Path clientKeyStore() {
		return this.directory.resolve("client.p12");
	}

	/**
	 * The client's certificate, PEM.
	 * @return the file
	 */
	public Path clientCertificatePem() {
		return this.directory.resolve("client.crt");
	}

	/**
	 * The client's private key, unencrypted PKCS#8 PEM.
	 * @return the file
	 */
	public Path clientKeyPem() {
		return this.directory.resolve("client.key");
	}

	/**
	 * A TLS context that serves the server certificate and trusts the authority (to check client certificates).
	 * @return a new context
	 */
	public SSLContext serverSslContext() {
		return sslContext(this.server);
	}

	/**
	 * A TLS context that trusts the authority and presents the client certificate when asked.
	 * @return a new context
	 */
	public SSLContext clientSslContext() {
		return sslContext(this.client);
	}

	/**
	 * A TLS context that trusts the authority and has no certificate of its own.
	 * @return a new context
	 */
	public SSLContext trustingSslContext() {
		return sslContext(null);
	}

	/**
	 * Delete every file written.
	 */
	@Override
	public void close() {
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + this.directory, ex);
		}
	}

	private SSLContext sslContext(@Nullable Issued identity) {
		try {
			KeyStore trust = KeyStore.getInstance(STORE_TYPE);
			trust.load(null, null);
			trust.setCertificateEntry("authority", this.authority);
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trust);
			KeyManagerFactory keyManagers = null;
			if (identity != null) {
				keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keyManagers.init(keyStore(identity), this.password.toCharArray());
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null, trustManagers.getTrustManagers(),
					random);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot build a TLS context from the test certificates", ex);
		}
	}

	private Issued issue(X500Name authorityName, KeyPair authorityKeys, String commonName, Instant now,
			@Nullable GeneralNames alternativeNames) throws GeneralSecurityException, IOException {
		KeyPair keys = keyPair();
		X509v3CertificateBuilder builder = builder(authorityName, new X500Name("CN=" + commonName), keys, now);
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
				new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }));
		if (alternativeNames != null) {
			builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
		}
		return new Issued(keys, sign(builder, authorityKeys));
	}

	private void writeStores() throws GeneralSecurityException, IOException {
		KeyStore trust = KeyStore.getInstance(STORE_TYPE);
		trust.load(null, null);
		trust.setCertificateEntry("authority", this.authority);
		store(trust, trustStore());
		store(keyStore(this.server), serverKeyStore());
		store(keyStore(this.client), clientKeyStore());
		writePem(serverCertificatePem(), "CERTIFICATE", this.server.certificate().getEncoded());
		writePem(serverKeyPem(), "PRIVATE KEY", this.server.keys().getPrivate().getEncoded());
		writePem(clientCertificatePem(), "CERTIFICATE", this.client.certificate().getEncoded());
		writePem(clientKeyPem(), "PRIVATE KEY", this.client.keys().getPrivate().getEncoded());
	}

	private KeyStore keyStore(Issued identity) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance(STORE_TYPE);
		store.load(null, null);
		store.setKeyEntry(KEY_ALIAS, identity.keys().getPrivate(), this.password.toCharArray(),
				new X509Certificate[] { identity.certificate(), this.authority });
		return store;
	}

	private void store(KeyStore store, Path file) throws GeneralSecurityException, IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, this.password.toCharArray());
		}
	}

	private static void writePem(Path file, String type, byte[] der) throws IOException {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
				StandardCharsets.US_ASCII);
	}

	private static KeyPair keyPair() throws GeneralSecurityException {
		// EC keys: generated in milliseconds where RSA takes a noticeable part of a second on this machine.
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), random);
		return generator.generateKeyPair();
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Instant now) {
		return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, random).add(BigInteger.ONE),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
				keys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
			throws GeneralSecurityException {
		try {
			return new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer.getPrivate())));
		}
		catch (OperatorCreationException ex) {
			throw new GeneralSecurityException("Cannot sign a test certificate", ex);
		}
	}

	private record Issued(KeyPair keys, X509Certificate certificate) {
	}

}
