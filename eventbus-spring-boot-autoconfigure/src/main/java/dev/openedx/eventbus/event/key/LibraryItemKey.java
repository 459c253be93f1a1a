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

package dev.openedx.eventbus.event.key;

/**
 * A key of something inside a v2 content library (Python's {@code LibraryItemKey} and
 * {@code LibraryUsageLocatorV2}): {@code <namespace>:<org>:<library slug>:<parts...>}, colon-separated, the first two
 * parts being the library's.
 */
abstract sealed class LibraryItemKey extends AbstractOpaqueKey
		permits LibraryUsageLocatorV2, LibraryCollectionLocator, LibraryContainerLocator {

	private final LibraryLocatorV2 libraryKey;

	LibraryItemKey(String namespace, LibraryLocatorV2 libraryKey, String... parts) {
		super(text(namespace, libraryKey, parts));
		this.libraryKey = libraryKey;
	}

	static String text(String namespace, LibraryLocatorV2 libraryKey, String... parts) {
		return namespace + ":" + libraryKey.org() + ":" + libraryKey.slug() + ":" + String.join(":", parts);
	}

	/**
	 * The library this key belongs to.
	 * @return the library key
	 */
	public LibraryLocatorV2 libraryKey() {
		return this.libraryKey;
	}

	/**
	 * The organization of the library.
	 * @return the org
	 */
	public String org() {
		return this.libraryKey.org();
	}

}
