package dev.openedx.eventbus.catalog.contentauthoring;

import java.io.InputStream;

/**
 * Data related to a certificate signatory. Subset of CertificateSignatory object from the LMS. Mirrors openedx-events
 * {@code content_authoring.CertificateSignatoryData}.
 *
 * @since 0.1.0
 */
public record CertificateSignatoryData(InputStream image, String name, String organization, String title) {

}
