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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the development services ({@code eventbus.dev-services.*}). They are read before the application
 * context exists, by {@link DevServicesEnvironmentPostProcessor}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("eventbus.dev-services")
public class DevServicesProperties {

	/**
	 * Whether to start the development broker and registry: unset means only when the development profile is
	 * active and no broker is configured; false never; true also without the profile (still not when
	 * spring.kafka.bootstrap-servers is set).
	 */
	private @Nullable Boolean enabled;

	/**
	 * Profile that switches the development services on.
	 */
	private String profile = "dev";

	/**
	 * File through which the services of one machine share the development broker and registry: the first one
	 * writes their addresses there, the others join them.
	 */
	private String stateFile = System.getProperty("java.io.tmpdir") + "/eventbus-dev-services.properties";

	/**
	 * Partitions of each topic the development services create at start, or the development broker on first use.
	 */
	private int partitions = 3;

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public String getProfile() {
		return this.profile;
	}

	public void setProfile(String profile) {
		this.profile = profile;
	}

	public String getStateFile() {
		return this.stateFile;
	}

	public void setStateFile(String stateFile) {
		this.stateFile = stateFile;
	}

	public int getPartitions() {
		return this.partitions;
	}

	public void setPartitions(int partitions) {
		this.partitions = partitions;
	}

}
