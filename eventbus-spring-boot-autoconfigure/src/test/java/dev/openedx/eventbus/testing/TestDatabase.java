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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A scratch database of its own for one test class, on the machine's real PostgreSQL (127.0.0.1:5432, trust auth,
 * database {@value #POSTGRES_DATABASE}, one schema per instance), its MariaDB (127.0.0.1:3306, root, one database
 * per instance) or H2 in memory, with the event bus tables created from the scripts the library ships. Closing it
 * drops what it created, so builds running at the same time never see each other's rows.
 * <pre class="code">
 * try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
 *     DataSource dataSource = database.dataSource();
 * }
 * </pre>
 */
public final class TestDatabase implements AutoCloseable {

	/** The scratch database .ci/run creates (and this class, when it is missing). */
	public static final String POSTGRES_DATABASE = "eventbus_test";

	private final Kind kind;

	private final String name;

	private final HikariDataSource dataSource;

	private final List<HikariDataSource> others = new CopyOnWriteArrayList<>();

	private TestDatabase(Kind kind, String name, HikariDataSource dataSource) {
		this.kind = kind;
		this.name = name;
		this.dataSource = dataSource;
	}

	/**
	 * Create a fresh database with the outbox and inbox tables.
	 * @param kind which database
	 * @return the database, to close
	 */
	public static TestDatabase create(Kind kind) {
		TestDatabase database = createEmpty(kind);
		database.runScript("META-INF/eventbus/schema-outbox-" + kind.platform + ".sql");
		database.runScript("META-INF/eventbus/schema-inbox-" + kind.platform + ".sql");
		return database;
	}

	/**
	 * Create a fresh database without tables.
	 * @param kind which database
	 * @return the database, to close
	 */
	public static TestDatabase createEmpty(Kind kind) {
		String name = "eventbus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try {
			return switch (kind) {
				case POSTGRESQL -> {
					ensurePostgresDatabase();
					execute("jdbc:postgresql://127.0.0.1:5432/" + POSTGRES_DATABASE, "postgres", "",
							"CREATE SCHEMA " + name);
					yield new TestDatabase(kind, name, pool("jdbc:postgresql://127.0.0.1:5432/" + POSTGRES_DATABASE
							+ "?currentSchema=" + name, "postgres"));
				}
				case MARIADB -> {
					execute("jdbc:mariadb://127.0.0.1:3306/", "root", "", "CREATE DATABASE " + name);
					yield new TestDatabase(kind, name, pool("jdbc:mariadb://127.0.0.1:3306/" + name, "root"));
				}
				case H2 -> new TestDatabase(kind, name, pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa"));
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a scratch " + kind + " database (is the server up? "
					+ ".ci/run starts PostgreSQL): " + ex.getMessage(), ex);
		}
	}

	/**
	 * A second pool on the same database (another instance of a service).
	 * @return a new data source, closed with this database
	 */
	public DataSource anotherDataSource() {
		HikariDataSource other = pool(this.dataSource.getJdbcUrl(), this.dataSource.getUsername());
		this.others.add(other);
		return other;
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	public String jdbcUrl() {
		return this.dataSource.getJdbcUrl();
	}

	public String username() {
		return this.dataSource.getUsername();
	}

	public Kind kind() {
		return this.kind;
	}

	/**
	 * Run a SQL script from the class path.
	 * @param location the resource path
	 */
	public void runScript(String location) {
		new ResourceDatabasePopulator(new ClassPathResource(location)).execute(this.dataSource);
	}

	@Override
	public void close() {
		this.others.forEach(HikariDataSource::close);
		this.dataSource.close();
		try {
			switch (this.kind) {
				case POSTGRESQL -> execute("jdbc:postgresql://127.0.0.1:5432/" + POSTGRES_DATABASE, "postgres", "",
						"DROP SCHEMA " + this.name + " CASCADE");
				case MARIADB -> execute("jdbc:mariadb://127.0.0.1:3306/", "root", "", "DROP DATABASE " + this.name);
				case H2 -> {
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop scratch database " + this.name + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return this.kind.name().toLowerCase(Locale.ROOT);
	}

	private static void ensurePostgresDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", "");
				PreparedStatement statement = connection
					.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, POSTGRES_DATABASE);
			if (statement.executeQuery().next()) {
				return;
			}
			try (Statement create = connection.createStatement()) {
				create.execute("CREATE DATABASE " + POSTGRES_DATABASE);
			}
			catch (SQLException ex) {
				// Another build created it in the meantime.
				if (!"42P04".equals(ex.getSQLState())) {
					throw ex;
				}
			}
		}
	}

	private static void execute(String url, String user, String password, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static HikariDataSource pool(String url, String user) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword("");
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(0);
		config.setPoolName("test-" + url.hashCode());
		return new HikariDataSource(config);
	}

	/**
	 * The databases tests run on.
	 */
	public enum Kind {

		POSTGRESQL("postgresql"), MARIADB("mysql"), H2("h2");

		private final String platform;

		Kind(String platform) {
			this.platform = platform;
		}

		/**
		 * The platform name in the library's script names ({@code schema-outbox-<platform>.sql}).
		 * @return the platform
		 */
		public String platform() {
			return this.platform;
		}

	}

}
