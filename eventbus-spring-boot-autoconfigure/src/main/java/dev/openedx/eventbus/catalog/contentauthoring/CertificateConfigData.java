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
