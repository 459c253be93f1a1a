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

package dev.openedx.eventbus.autoconfigure.endpoint;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator secured as {@code docs/observability.md} shows: health for anyone, reading for viewers and operators,
 * the {@code eventbus} endpoint's writes for operators only.
 */
@Configuration(proxyBeanMethods = false)
class EndpointSecurityConfiguration {

	// tag::security[]
	@Bean
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(EndpointRequest.to("health")).permitAll()
				.requestMatchers(HttpMethod.GET).hasAnyRole("EVENTBUS_VIEWER", "EVENTBUS_OPERATOR")
				.anyRequest().hasRole("EVENTBUS_OPERATOR"))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Scripts and tools call it with HTTP basic and no session; keep CSRF on if people use it from a browser.
			.csrf((csrf) -> csrf.disable())
			.build();
	}
	// end::security[]

}
