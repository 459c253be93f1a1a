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

package dev.openedx.eventbus.catalog.learning;

import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.event.DataCollections;

/**
 * Data related to the answer submitted by the user in an ORA submission. Mirrors openedx-events
 * {@code learning.ORASubmissionAnswer}.
 *
 * @since 0.1.0
 */
public record ORASubmissionAnswer(List<Map<String, String>> parts, List<String> fileKeys,
		List<String> fileDescriptions, List<String> fileNames, List<Long> fileSizes, List<String> fileUrls) {

	public ORASubmissionAnswer {
		parts = (parts != null) ? parts.stream().map(DataCollections::sortedMap).toList() : null;
		fileKeys = DataCollections.list(fileKeys);
		fileDescriptions = DataCollections.list(fileDescriptions);
		fileNames = DataCollections.list(fileNames);
		fileSizes = DataCollections.list(fileSizes);
		fileUrls = DataCollections.list(fileUrls);
	}

}
