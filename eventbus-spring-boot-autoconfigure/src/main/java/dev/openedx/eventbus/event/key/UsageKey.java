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

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.KeySyntax.Body;
import dev.openedx.eventbus.event.key.KeySyntax.Refusal;

/**
 * An XBlock usage key: what a field declared {@code UsageKey} holds in openedx-events, and what Python's
 * {@code UsageKey.from_string} accepts. That method dispatches over every namespace registered for a usage key
 * (opaque-keys 4.0.0 and edx-ccx-keys 2.0.2) and falls back to the deprecated {@code i4x://} form, so this class
 * accepts:
 * <ul>
 * <li>{@code block-v1:edx+DemoX+Demo_course+type@video+block@UaEBjyMjcLW65gaTXggB93WmvoxGAJa0JeHRrDThk}: a
 * {@link CourseKey course-v1} body, then {@code +type@<block type>+block@<block id>};</li>
 * <li>{@code lb:MITx:reallyhardproblems:problem:problem1} (a {@link LibraryUsageLocatorV2});</li>
 * <li>{@code lib-block-v1:UniX+PhysicsProbs+type@problem+block@p1} (a block of a legacy library);</li>
 * <li>{@code ccx-block-v1:edX+DemoX+Demo_Course+ccx@1+type@html+block@intro} (a block of a CCX course);</li>
 * <li>{@code location:edX+DemoX+2014+problem+p1} (a short-lived old form);</li>
 * <li>{@code aside-usage-v2:block-v1$:edX+DemoX+2014+type@html+block@intro::tagging_aside} and
 * {@code aside-usage-v1:...} (an XBlock aside: an escaped usage key, {@code ::}, the aside type);</li>
 * <li>the deprecated {@code i4x://edX/DemoX/problem/p1} (optionally {@code @<branch>}).</li>
 * </ul>
 * {@link #toString()} is Python's {@code str(key)}, which normalizes the course part as {@link CourseKey} does and
 * writes a missing block type as {@code type@None}, exactly as Python does. Anything else throws
 * {@link InvalidOpaqueKeyException}:
 * <pre class="code">
 * UsageKey block = UsageKey.of("block-v1:edX+DemoX+2014+type@problem+block@p1");
 * block.courseKey(); // course-v1:edX+DemoX+2014
 * block.blockType(); // "problem"
 * block.blockId();   // "p1"
 * UsageKey.of("lb:MITx:lib:problem:p1").libraryKey(); // lib:MITx:lib
 * </pre>
 *
 * @since 0.1.0
 */
public final class UsageKey extends AbstractOpaqueKey {

	private static final String KEY_TYPE = "UsageKey";

	private static final String FORMS = "block-v1:<course-v1 body>+type@<block type>+block@<block id>, "
			+ "lb:<org>:<library>:<block type>:<usage id>, lib-block-v1:<org>+<library>+type@<type>+block@<id>, "
			+ "ccx-block-v1:<ccx-v1 body>+type@<type>+block@<id>, location:<org>+<course>+<run>+<type>+<id>, "
			+ "aside-usage-v1:/aside-usage-v2:<escaped usage key>::<aside type>, "
			+ "or the deprecated i4x://<org>/<course>/<type>/<id>[@<branch>]";

	private final String namespace;

	private final @Nullable String org;

	private final @Nullable CourseKey courseKey;

	private final @Nullable LibraryLocatorV2 libraryKey;

	private final @Nullable String blockType;

	private final String blockId;

	private final @Nullable UsageKey decoratedKey;

	private final @Nullable String asideType;

	private UsageKey(String value, String namespace, @Nullable String org, @Nullable CourseKey courseKey,
			@Nullable LibraryLocatorV2 libraryKey, @Nullable String blockType, String blockId) {
		super(value);
		this.namespace = namespace;
		this.org = org;
		this.courseKey = courseKey;
		this.libraryKey = libraryKey;
		this.blockType = blockType;
		this.blockId = blockId;
		this.decoratedKey = null;
		this.asideType = null;
	}

	private UsageKey(String value, String namespace, UsageKey decoratedKey, String asideType) {
		super(value);
		this.namespace = namespace;
		this.org = decoratedKey.org;
		this.courseKey = decoratedKey.courseKey;
		this.libraryKey = decoratedKey.libraryKey;
		this.blockType = decoratedKey.blockType;
		this.blockId = decoratedKey.blockId;
		this.decoratedKey = decoratedKey;
		this.asideType = asideType;
	}

	/**
	 * Parse a usage key the way Python's {@code UsageKey.from_string} does.
	 * @param value the key text
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when Python would refuse the text
	 */
	public static UsageKey of(String value) {
		return parse(value, KEY_TYPE, FORMS, UsageKey::parse);
	}

	private static UsageKey parse(String value) {
		int colon = value.indexOf(':');
		if (colon < 0) {
			throw new Refusal("no namespace");
		}
		String namespace = value.substring(0, colon);
		String rest = value.substring(colon + 1);
		return switch (namespace) {
			case "block-v1" -> courseBlock(rest);
			case "lib-block-v1" -> libraryBlock(rest);
			case "ccx-block-v1" -> ccxBlock(rest);
			case "lb" -> libraryBlockV2(rest);
			case "location" -> location(rest);
			case "aside-usage-v1" -> asideV1(rest);
			case "aside-usage-v2" -> asideV2(rest);
			// Not a namespace: Python reaches i4x:// through its deprecated fallback.
			case "i4x" -> i4x(value);
			default -> throw new Refusal("'" + namespace + "' is not a usage key namespace");
		};
	}

	private static UsageKey courseBlock(String rest) {
		Body body = KeySyntax.courseLocator(rest);
		String blockId = requireBlockId(body);
		CourseKey course = CourseKey.course(body);
		String text = "block-v1:" + course.body().courseText() + blockSuffix(body.blockType(), blockId);
		return new UsageKey(text, "block-v1", course.org(), course, null, body.blockType(), blockId);
	}

	private static UsageKey libraryBlock(String rest) {
		Body body = KeySyntax.libraryLocator(rest);
		String blockId = requireBlockId(body);
		if (body.blockType() == null) {
			throw new Refusal("needs +type@<block type>");
		}
		CourseKey library = CourseKey.library(body);
		String text = "lib-block-v1:" + library.body().libraryText() + blockSuffix(body.blockType(), blockId);
		return new UsageKey(text, "lib-block-v1", library.org(), library, null, body.blockType(), blockId);
	}

	private static UsageKey ccxBlock(String rest) {
		Body body = KeySyntax.ccxLocator(rest);
		String blockId = requireBlockId(body);
		CourseKey ccx = CourseKey.ccx(body);
		String text = "ccx-block-v1:" + ccx.body().ccxText() + blockSuffix(body.blockType(), blockId);
		return new UsageKey(text, "ccx-block-v1", ccx.org(), ccx, null, body.blockType(), blockId);
	}

	private static UsageKey libraryBlockV2(String rest) {
		LibraryUsageLocatorV2 block = LibraryUsageLocatorV2.parseBody(rest);
		return new UsageKey(block.toString(), "lb", block.org(), null, block.libraryKey(), block.blockType(),
				block.usageId());
	}

	private static UsageKey location(String rest) {
		Body body = KeySyntax.location(rest);
		CourseKey course = CourseKey.course(body);
		return new UsageKey("location:" + rest, "location", body.org(), course, null, body.blockType(),
				Objects.requireNonNull(body.blockId()));
	}

	private static UsageKey i4x(String value) {
		Body body = KeySyntax.i4x(value);
		// The course of an i4x key has no run, so it has no string form of its own: no courseKey().
		return new UsageKey(value, "i4x", body.org(), null, null, body.blockType(),
				Objects.requireNonNull(body.blockId()));
	}

	private static UsageKey asideV2(String rest) {
		int separator = rest.lastIndexOf("::");
		String usage = KeySyntax.decodeV2((separator < 0) ? "" : rest.substring(0, separator));
		String asideType = KeySyntax.decodeV2((separator < 0) ? rest : rest.substring(separator + 2));
		UsageKey decorated = decorated(usage);
		String text = "aside-usage-v2:" + KeySyntax.encodeV2(decorated.toString()) + "::" + KeySyntax.encodeV2(asideType);
		return new UsageKey(text, "aside-usage-v2", decorated, asideType);
	}

	private static UsageKey asideV1(String rest) {
		int separator = rest.indexOf("::");
		String usage = KeySyntax.decodeV1((separator < 0) ? rest : rest.substring(0, separator));
		String asideType = KeySyntax.decodeV1((separator < 0) ? "" : rest.substring(separator + 2));
		UsageKey decorated = decorated(usage);
		if (decorated.toString().contains("::") || decorated.toString().endsWith(":")) {
			throw new Refusal("aside-usage-v1 cannot hold a usage key that contains '::' or ends with ':'");
		}
		String text = "aside-usage-v1:" + KeySyntax.encodeV1(decorated.toString()) + "::" + KeySyntax.encodeV1(asideType);
		return new UsageKey(text, "aside-usage-v1", decorated, asideType);
	}

	private static UsageKey decorated(String usage) {
		try {
			return parse(usage);
		}
		catch (Refusal ex) {
			throw new Refusal("the decorated usage key '" + usage + "' is not valid: " + ex.getMessage());
		}
	}

	private static String requireBlockId(Body body) {
		String blockId = body.blockId();
		if (blockId == null) {
			throw new Refusal("needs +block@<block id>");
		}
		KeySyntax.requireBlockId(blockId);
		return blockId;
	}

	private static String blockSuffix(@Nullable String blockType, String blockId) {
		// Python formats a missing block type as "None".
		return "+type@" + ((blockType != null) ? blockType : "None") + "+block@" + blockId;
	}

	/**
	 * The namespace of the string form: {@code block-v1}, {@code lb}, {@code lib-block-v1}, {@code ccx-block-v1},
	 * {@code location}, {@code aside-usage-v1}, {@code aside-usage-v2}, or {@code i4x} for the deprecated form.
	 * @return the namespace
	 */
	public String namespace() {
		return this.namespace;
	}

	/**
	 * Whether this is the deprecated {@code i4x://} form.
	 * @return {@code true} for {@code i4x://} keys
	 */
	public boolean isDeprecated() {
		return "i4x".equals(this.namespace);
	}

	/**
	 * The organization of the course or library the block belongs to.
	 * @return the org, or {@code null} when the course is given only by version
	 */
	public @Nullable String org() {
		return this.org;
	}

	/**
	 * The course the block belongs to ({@code course-v1}, {@code ccx-v1} or legacy {@code library-v1}).
	 * @return the course key, or {@code null} for {@code lb:} and {@code i4x://} keys
	 */
	public @Nullable CourseKey courseKey() {
		return this.courseKey;
	}

	/**
	 * The v2 library the block belongs to.
	 * @return the library key of an {@code lb:} key (or an aside of one), else {@code null}
	 */
	public @Nullable LibraryLocatorV2 libraryKey() {
		return this.libraryKey;
	}

	/**
	 * The XBlock type, for example {@code problem}.
	 * @return the type, or {@code null} when a {@code block-v1}/{@code ccx-block-v1} key has no {@code type@} part
	 * (then the string form says {@code type@None}, as Python's does)
	 */
	public @Nullable String blockType() {
		return this.blockType;
	}

	/**
	 * The block id (the usage id of an {@code lb:} key).
	 * @return the block id
	 */
	public String blockId() {
		return this.blockId;
	}

	/**
	 * The usage key an aside key decorates.
	 * @return the decorated key of an {@code aside-usage-*} key, else {@code null}
	 */
	public @Nullable UsageKey decoratedKey() {
		return this.decoratedKey;
	}

	/**
	 * The aside type of an aside key.
	 * @return the aside type of an {@code aside-usage-*} key, else {@code null}
	 */
	public @Nullable String asideType() {
		return this.asideType;
	}

}
