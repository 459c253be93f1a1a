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

package dev.openedx.eventbus.catalog.contentauthoring;

import java.util.List;

import dev.openedx.eventbus.event.DataCollections;
import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Data related to a certificate configuration. Subset of CertificateConfig object from the LMS. Mirrors openedx-events
 * {@code content_authoring.CertificateConfigData}.
 *
 * @since 0.1.0
 */
public record CertificateConfigData(String certificateType, CourseKey courseKey, String title,
		List<CertificateSignatoryData> signatories, boolean isActive) {

	public CertificateConfigData {
		signatories = DataCollections.list(signatories);
	}

	/**
	 * Create with the Python defaults for the other fields (empty: {@code signatories}; false: {@code isActive}).
	 */
	public CertificateConfigData(String certificateType, CourseKey courseKey, String title) {
		this(certificateType, courseKey, title, List.of(), false);
	}

}
