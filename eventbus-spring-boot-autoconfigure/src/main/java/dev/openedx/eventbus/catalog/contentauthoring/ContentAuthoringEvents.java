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

import dev.openedx.eventbus.event.EventType;

/**
 * The content authoring event types of openedx-events 11.2.0 ({@code openedx_events/content_authoring/signals.py}):
 * one constant per {@code OpenEdxPublicSignal}, named as the signal, in the order the module declares them.
 * {@link Types} has the event type strings as compile-time constants, for annotations.
 * <pre class="code">
 * publisher.publishEvent(ContentAuthoringEvents.XBLOCK_PUBLISHED.event(xblock));
 *
 * &#64;OpenEdxEventListener(ContentAuthoringEvents.Types.XBLOCK_PUBLISHED)
 * void on(XBlockData xblock) { ... }
 * </pre>
 *
 * @since 0.1.0
 */
public final class ContentAuthoringEvents {

	private static final String BINARY_IO_REASON = "listed in openedx-events KNOWN_UNSERIALIZABLE_SIGNALS: "
			+ "CertificateSignatoryData.image is a typing.BinaryIO, which has no Avro mapping";

	/** Fired when a course changes in Studio in a way that is relevant for catalog consumers. */
	public static final EventType<CourseCatalogData> COURSE_CATALOG_INFO_CHANGED =
			EventType.of(Types.COURSE_CATALOG_INFO_CHANGED, "catalog_info", CourseCatalogData.class);

	/** Fired when an XBlock is created. */
	public static final EventType<XBlockData> XBLOCK_CREATED =
			EventType.of(Types.XBLOCK_CREATED, "xblock_info", XBlockData.class);

	/** Fired when an XBlock is updated. */
	public static final EventType<XBlockData> XBLOCK_UPDATED =
			EventType.of(Types.XBLOCK_UPDATED, "xblock_info", XBlockData.class);

	/** Fired when an XBlock is published. */
	public static final EventType<XBlockData> XBLOCK_PUBLISHED =
			EventType.of(Types.XBLOCK_PUBLISHED, "xblock_info", XBlockData.class);

	/** Fired when an XBlock is deleted. */
	public static final EventType<XBlockData> XBLOCK_DELETED =
			EventType.of(Types.XBLOCK_DELETED, "xblock_info", XBlockData.class);

	/** Fired when an XBlock is duplicated in Studio. */
	public static final EventType<DuplicatedXBlockData> XBLOCK_DUPLICATED =
			EventType.of(Types.XBLOCK_DUPLICATED, "xblock_info", DuplicatedXBlockData.class);

	/**
	 * Fired when a course certificate configuration changes in Studio. Cannot travel on the event bus (openedx-events
	 * {@code KNOWN_UNSERIALIZABLE_SIGNALS}).
	 */
	public static final EventType<CertificateConfigData> COURSE_CERTIFICATE_CONFIG_CHANGED =
			EventType.unserializable(Types.COURSE_CERTIFICATE_CONFIG_CHANGED, "certificate_config",
					CertificateConfigData.class, BINARY_IO_REASON);

	/**
	 * Fired when a course certificate configuration deletes in Studio. Cannot travel on the event bus (openedx-events
	 * {@code KNOWN_UNSERIALIZABLE_SIGNALS}).
	 */
	public static final EventType<CertificateConfigData> COURSE_CERTIFICATE_CONFIG_DELETED =
			EventType.unserializable(Types.COURSE_CERTIFICATE_CONFIG_DELETED, "certificate_config",
					CertificateConfigData.class, BINARY_IO_REASON);

	/** Emitted when a course is created. */
	public static final EventType<CourseData> COURSE_CREATED =
			EventType.of(Types.COURSE_CREATED, "course", CourseData.class);

	/** Emitted when a content library is created. */
	public static final EventType<ContentLibraryData> CONTENT_LIBRARY_CREATED =
			EventType.of(Types.CONTENT_LIBRARY_CREATED, "content_library", ContentLibraryData.class);

	/** Emitted when a content library is updated, such as its name is changed. */
	public static final EventType<ContentLibraryData> CONTENT_LIBRARY_UPDATED =
			EventType.of(Types.CONTENT_LIBRARY_UPDATED, "content_library", ContentLibraryData.class);

	/** Emitted when a content library is deleted. */
	public static final EventType<ContentLibraryData> CONTENT_LIBRARY_DELETED =
			EventType.of(Types.CONTENT_LIBRARY_DELETED, "content_library", ContentLibraryData.class);

	/** Emitted when a library XBlock is created. */
	public static final EventType<LibraryBlockData> LIBRARY_BLOCK_CREATED =
			EventType.of(Types.LIBRARY_BLOCK_CREATED, "library_block", LibraryBlockData.class);

	/** Emitted when a library XBlock (draft) is updated. */
	public static final EventType<LibraryBlockData> LIBRARY_BLOCK_UPDATED =
			EventType.of(Types.LIBRARY_BLOCK_UPDATED, "library_block", LibraryBlockData.class);

	/** Emitted when a library XBlock (draft) is deleted. */
	public static final EventType<LibraryBlockData> LIBRARY_BLOCK_DELETED =
			EventType.of(Types.LIBRARY_BLOCK_DELETED, "library_block", LibraryBlockData.class);

	/** Emitted when a library XBlock is published. */
	public static final EventType<LibraryBlockData> LIBRARY_BLOCK_PUBLISHED =
			EventType.of(Types.LIBRARY_BLOCK_PUBLISHED, "library_block", LibraryBlockData.class);

	/** Emitted when an object's associations are changed, for example tags or collections. */
	public static final EventType<ContentObjectChangedData> CONTENT_OBJECT_ASSOCIATIONS_CHANGED =
			EventType.of(Types.CONTENT_OBJECT_ASSOCIATIONS_CHANGED, "content_object", ContentObjectChangedData.class);

	/**
	 * Emitted when an object's tags are changed. Deprecated upstream: use
	 * {@link #CONTENT_OBJECT_ASSOCIATIONS_CHANGED}.
	 */
	public static final EventType<ContentObjectData> CONTENT_OBJECT_TAGS_CHANGED =
			EventType.of(Types.CONTENT_OBJECT_TAGS_CHANGED, "content_object", ContentObjectData.class);

	/** Emitted when a content library collection is created. */
	public static final EventType<LibraryCollectionData> LIBRARY_COLLECTION_CREATED =
			EventType.of(Types.LIBRARY_COLLECTION_CREATED, "library_collection", LibraryCollectionData.class);

	/** Emitted when a content library collection is updated. */
	public static final EventType<LibraryCollectionData> LIBRARY_COLLECTION_UPDATED =
			EventType.of(Types.LIBRARY_COLLECTION_UPDATED, "library_collection", LibraryCollectionData.class);

	/** Emitted when a content library collection is deleted. */
	public static final EventType<LibraryCollectionData> LIBRARY_COLLECTION_DELETED =
			EventType.of(Types.LIBRARY_COLLECTION_DELETED, "library_collection", LibraryCollectionData.class);

	/** Emitted when a content library container is created. */
	public static final EventType<LibraryContainerData> LIBRARY_CONTAINER_CREATED =
			EventType.of(Types.LIBRARY_CONTAINER_CREATED, "library_container", LibraryContainerData.class);

	/** Emitted when a content library container is updated. */
	public static final EventType<LibraryContainerData> LIBRARY_CONTAINER_UPDATED =
			EventType.of(Types.LIBRARY_CONTAINER_UPDATED, "library_container", LibraryContainerData.class);

	/** Emitted when a content library container is deleted. */
	public static final EventType<LibraryContainerData> LIBRARY_CONTAINER_DELETED =
			EventType.of(Types.LIBRARY_CONTAINER_DELETED, "library_container", LibraryContainerData.class);

	/** Emitted when a library container is published. */
	public static final EventType<LibraryContainerData> LIBRARY_CONTAINER_PUBLISHED =
			EventType.of(Types.LIBRARY_CONTAINER_PUBLISHED, "library_container", LibraryContainerData.class);

	/** Fired after a course is imported. */
	public static final EventType<CourseData> COURSE_IMPORT_COMPLETED =
			EventType.of(Types.COURSE_IMPORT_COMPLETED, "course", CourseData.class);

	/** Fired after a course is re-run. */
	public static final EventType<CourseData> COURSE_RERUN_COMPLETED =
			EventType.of(Types.COURSE_RERUN_COMPLETED, "course", CourseData.class);

	private static final List<EventType<?>> ALL = List.of(
			COURSE_CATALOG_INFO_CHANGED, XBLOCK_CREATED, XBLOCK_UPDATED, XBLOCK_PUBLISHED, XBLOCK_DELETED,
			XBLOCK_DUPLICATED, COURSE_CERTIFICATE_CONFIG_CHANGED, COURSE_CERTIFICATE_CONFIG_DELETED, COURSE_CREATED,
			CONTENT_LIBRARY_CREATED, CONTENT_LIBRARY_UPDATED, CONTENT_LIBRARY_DELETED, LIBRARY_BLOCK_CREATED,
			LIBRARY_BLOCK_UPDATED, LIBRARY_BLOCK_DELETED, LIBRARY_BLOCK_PUBLISHED,
			CONTENT_OBJECT_ASSOCIATIONS_CHANGED, CONTENT_OBJECT_TAGS_CHANGED, LIBRARY_COLLECTION_CREATED,
			LIBRARY_COLLECTION_UPDATED, LIBRARY_COLLECTION_DELETED, LIBRARY_CONTAINER_CREATED,
			LIBRARY_CONTAINER_UPDATED, LIBRARY_CONTAINER_DELETED, LIBRARY_CONTAINER_PUBLISHED,
			COURSE_IMPORT_COMPLETED, COURSE_RERUN_COMPLETED);

	private ContentAuthoringEvents() {
	}

	/**
	 * All content authoring event types, in declaration order.
	 * @return the event types, never {@code null}
	 */
	public static List<EventType<?>> all() {
		return ALL;
	}

	/**
	 * The event type strings, as compile-time constants for annotations such as
	 * {@code @OpenEdxEventListener}.
	 */
	public static final class Types {

		/** Event type of {@link ContentAuthoringEvents#COURSE_CATALOG_INFO_CHANGED}. */
		public static final String COURSE_CATALOG_INFO_CHANGED =
				"org.openedx.content_authoring.course.catalog_info.changed.v1";

		/** Event type of {@link ContentAuthoringEvents#XBLOCK_CREATED}. */
		public static final String XBLOCK_CREATED = "org.openedx.content_authoring.xblock.created.v1";

		/** Event type of {@link ContentAuthoringEvents#XBLOCK_UPDATED}. */
		public static final String XBLOCK_UPDATED = "org.openedx.content_authoring.xblock.updated.v1";

		/** Event type of {@link ContentAuthoringEvents#XBLOCK_PUBLISHED}. */
		public static final String XBLOCK_PUBLISHED = "org.openedx.content_authoring.xblock.published.v1";

		/** Event type of {@link ContentAuthoringEvents#XBLOCK_DELETED}. */
		public static final String XBLOCK_DELETED = "org.openedx.content_authoring.xblock.deleted.v1";

		/** Event type of {@link ContentAuthoringEvents#XBLOCK_DUPLICATED}. */
		public static final String XBLOCK_DUPLICATED = "org.openedx.content_authoring.xblock.duplicated.v1";

		/** Event type of {@link ContentAuthoringEvents#COURSE_CERTIFICATE_CONFIG_CHANGED}. */
		public static final String COURSE_CERTIFICATE_CONFIG_CHANGED =
				"org.openedx.content_authoring.course.certificate_config.changed.v1";

		/** Event type of {@link ContentAuthoringEvents#COURSE_CERTIFICATE_CONFIG_DELETED}. */
		public static final String COURSE_CERTIFICATE_CONFIG_DELETED =
				"org.openedx.content_authoring.course.certificate_config.deleted.v1";

		/** Event type of {@link ContentAuthoringEvents#COURSE_CREATED}. */
		public static final String COURSE_CREATED = "org.openedx.content_authoring.course.created.v1";

		/** Event type of {@link ContentAuthoringEvents#CONTENT_LIBRARY_CREATED}. */
		public static final String CONTENT_LIBRARY_CREATED = "org.openedx.content_authoring.content_library.created.v1";

		/** Event type of {@link ContentAuthoringEvents#CONTENT_LIBRARY_UPDATED}. */
		public static final String CONTENT_LIBRARY_UPDATED = "org.openedx.content_authoring.content_library.updated.v1";

		/** Event type of {@link ContentAuthoringEvents#CONTENT_LIBRARY_DELETED}. */
		public static final String CONTENT_LIBRARY_DELETED = "org.openedx.content_authoring.content_library.deleted.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_BLOCK_CREATED}. */
		public static final String LIBRARY_BLOCK_CREATED = "org.openedx.content_authoring.library_block.created.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_BLOCK_UPDATED}. */
		public static final String LIBRARY_BLOCK_UPDATED = "org.openedx.content_authoring.library_block.updated.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_BLOCK_DELETED}. */
		public static final String LIBRARY_BLOCK_DELETED = "org.openedx.content_authoring.library_block.deleted.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_BLOCK_PUBLISHED}. */
		public static final String LIBRARY_BLOCK_PUBLISHED = "org.openedx.content_authoring.library_block.published.v1";

		/** Event type of {@link ContentAuthoringEvents#CONTENT_OBJECT_ASSOCIATIONS_CHANGED}. */
		public static final String CONTENT_OBJECT_ASSOCIATIONS_CHANGED =
				"org.openedx.content_authoring.content.object.associations.changed.v1";

		/** Event type of {@link ContentAuthoringEvents#CONTENT_OBJECT_TAGS_CHANGED}. */
		public static final String CONTENT_OBJECT_TAGS_CHANGED =
				"org.openedx.content_authoring.content.object.tags.changed.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_COLLECTION_CREATED}. */
		public static final String LIBRARY_COLLECTION_CREATED =
				"org.openedx.content_authoring.content_library.collection.created.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_COLLECTION_UPDATED}. */
		public static final String LIBRARY_COLLECTION_UPDATED =
				"org.openedx.content_authoring.content_library.collection.updated.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_COLLECTION_DELETED}. */
		public static final String LIBRARY_COLLECTION_DELETED =
				"org.openedx.content_authoring.content_library.collection.deleted.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_CONTAINER_CREATED}. */
		public static final String LIBRARY_CONTAINER_CREATED =
				"org.openedx.content_authoring.content_library.container.created.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_CONTAINER_UPDATED}. */
		public static final String LIBRARY_CONTAINER_UPDATED =
				"org.openedx.content_authoring.content_library.container.updated.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_CONTAINER_DELETED}. */
		public static final String LIBRARY_CONTAINER_DELETED =
				"org.openedx.content_authoring.content_library.container.deleted.v1";

		/** Event type of {@link ContentAuthoringEvents#LIBRARY_CONTAINER_PUBLISHED}. */
		public static final String LIBRARY_CONTAINER_PUBLISHED =
				"org.openedx.content_authoring.content_library.container.published.v1";

		/** Event type of {@link ContentAuthoringEvents#COURSE_IMPORT_COMPLETED}. */
		public static final String COURSE_IMPORT_COMPLETED = "org.openedx.content_authoring.course.import.completed.v1";

		/** Event type of {@link ContentAuthoringEvents#COURSE_RERUN_COMPLETED}. */
		public static final String COURSE_RERUN_COMPLETED = "org.openedx.content_authoring.course.rerun.completed.v1";

		private Types() {
		}

	}

}
