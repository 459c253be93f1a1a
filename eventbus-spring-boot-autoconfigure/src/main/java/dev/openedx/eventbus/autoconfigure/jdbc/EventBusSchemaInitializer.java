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

package dev.openedx.eventbus.autoconfigure.jdbc;

import java.util.List;

import javax.sql.DataSource;

import dev.openedx.eventbus.autoconfigure.EventBusProperties;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Creates one of the event bus's tables from the script the library ships for the database
 * ({@code META-INF/eventbus/schema-<table>-<platform>.sql}), as Spring Boot's {@code spring.sql.init} does; being a
 * {@link DataSourceScriptDatabaseInitializer}, Boot orders the beans that use the database (JPA, JdbcTemplate)
 * after it.
 */
final class EventBusSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	EventBusSchemaInitializer(DataSource dataSource, EventBusProperties.Jdbc properties, String table) {
		super(dataSource, settings(dataSource, properties, table));
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, EventBusProperties.Jdbc properties,
			String table) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(switch (properties.getInitializeSchema()) {
			case ALWAYS -> DatabaseInitializationMode.ALWAYS;
			case NEVER -> DatabaseInitializationMode.NEVER;
			case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
		});
		if (properties.getInitializeSchema() == EventBusProperties.SchemaInitialization.NEVER) {
			return settings;
		}
		String location = "classpath:META-INF/eventbus/schema-" + table + "-@@platform@@.sql";
		PlatformPlaceholderDatabaseDriverResolver resolver = new PlatformPlaceholderDatabaseDriverResolver()
			.withDriverPlatform(DatabaseDriver.MARIADB, "mysql");
		List<String> locations;
		try {
			locations = (properties.getPlatform() != null) ? resolver.resolveAll(properties.getPlatform(), location)
					: resolver.resolveAll(dataSource, location);
		}
		catch (IllegalStateException ex) {
			throw new InvalidConfigurationPropertyValueException("eventbus.jdbc.platform", null,
					"The database of the event bus's " + table + " table could not be detected (" + ex.getMessage()
							+ "); set it to postgresql, mysql or h2, or create the table yourself and set "
							+ "eventbus.jdbc.initialize-schema=never.");
		}
		for (String resolved : locations) {
			if (!new DefaultResourceLoader().getResource(resolved).exists()) {
				throw new InvalidConfigurationPropertyValueException("eventbus.jdbc.platform",
						properties.getPlatform(), "The library ships no " + table + " script for this database ("
								+ resolved + "); scripts exist for postgresql, mysql (also MariaDB) and h2. Set "
								+ "eventbus.jdbc.platform to the closest one, or create the table yourself and set "
								+ "eventbus.jdbc.initialize-schema=never.");
			}
		}
		settings.setSchemaLocations(locations);
		return settings;
	}

}
