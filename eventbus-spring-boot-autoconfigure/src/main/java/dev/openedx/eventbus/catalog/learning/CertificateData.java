package dev.openedx.eventbus.catalog.learning;

/**
 * Data related to a certificate object. Mirrors openedx-events {@code learning.CertificateData}.
 *
 * @since 0.1.0
 */
public record CertificateData(UserData user, CourseData course, String mode, String grade, String downloadUrl,
		String name, String currentStatus, String previousStatus) {

	/**
	 * Create with the Python defaults for the other fields (empty: {@code previousStatus}).
	 */
	public CertificateData(UserData user, CourseData course, String mode, String grade, String downloadUrl,
			String name, String currentStatus) {
		this(user, course, mode, grade, downloadUrl, name, currentStatus, "");
	}

}
