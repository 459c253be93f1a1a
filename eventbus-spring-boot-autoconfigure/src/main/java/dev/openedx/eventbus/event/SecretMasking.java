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

package dev.openedx.eventbus.event;

/**
 * Masks the secret of URLs with user information ({@code redis://user:password@host},
 * {@code https://key:secret@registry}) in any text, for log lines, exception messages and settings shown: the
 * password becomes {@value #MASK}, or the whole user information when it has no password part (it may be a token).
 * The user name and everything else stay, so the text still says which server and account it is about.
 * Hand-written: a few lines, and {@code java.net.URI} cannot parse text that merely contains URLs.
 * <pre class="code">
 * logger.info(() -&gt; "Connecting to " + SecretMasking.maskUrls(url)); // rediss://bus:******@redis:6380
 * </pre>
 *
 * @since 0.1.0
 */
public final class SecretMasking {

	/** What a secret is replaced with. */
	public static final String MASK = "******";

	private SecretMasking() {
	}

	/**
	 * Replace the secret of every {@code scheme://user:password@} in a text, which may hold several URLs.
	 * @param text the text
	 * @return the text with the secrets masked, the text itself when it has none
	 */
	public static String maskUrls(String text) {
		int scheme = text.indexOf("://");
		if (scheme < 0) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		int from = 0;
		while (scheme >= 0) {
			int start = scheme + 3;
			int end = start;
			while (end < text.length() && "/,; ?#\"'<>\n\r\t".indexOf(text.charAt(end)) < 0) {
				end++;
			}
			String authority = text.substring(start, end);
			int at = authority.lastIndexOf('@');
			masked.append(text, from, start);
			if (at >= 0) {
				String userInfo = authority.substring(0, at);
				int colon = userInfo.indexOf(':');
				masked.append((colon >= 0) ? userInfo.substring(0, colon + 1) + MASK : MASK)
					.append(authority.substring(at));
			}
			else {
				masked.append(authority);
			}
			from = end;
			scheme = text.indexOf("://", end);
		}
		masked.append(text.substring(from));
		return masked.toString();
	}

}
