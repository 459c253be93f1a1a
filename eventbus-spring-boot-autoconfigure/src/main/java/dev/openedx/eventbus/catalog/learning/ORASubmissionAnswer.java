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
