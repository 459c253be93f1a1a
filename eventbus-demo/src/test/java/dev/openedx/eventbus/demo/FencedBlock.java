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

package dev.openedx.eventbus.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A fenced code block of a Markdown file, with what stands above it: the line just above its fence, where the
 * documentation puts a marker comment ({@code <!-- snippet: path#tag -->}, {@code <!-- file: path -->}), and the
 * closest line of text above, which a reader sees (the marker is hidden when the page is shown).
 *
 * @param line the line number of its opening fence
 * @param language the fence's language in lower case, empty when none
 * @param text the lines inside the fence
 * @param above the line just above the fence, empty for none
 * @param prose the closest non-blank line above the fence that is not a comment, empty for none
 */
record FencedBlock(int line, String language, String text, String above, String prose) {

	private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

	/**
	 * The fenced blocks of a Markdown file, in order.
	 * @param file the file
	 * @return its blocks
	 * @throws IOException if it cannot be read
	 */
	static List<FencedBlock> in(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		List<FencedBlock> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher fence = FENCE.matcher(lines.get(i));
			if (!fence.matches()) {
				continue;
			}
			int start = i;
			List<String> text = new ArrayList<>();
			for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
				text.add(lines.get(i));
			}
			String prose = "";
			for (int j = start - 1; j >= 0 && prose.isEmpty(); j--) {
				String candidate = lines.get(j).strip();
				prose = candidate.startsWith("<!--") ? "" : candidate;
			}
			blocks.add(new FencedBlock(start + 1, fence.group(1).toLowerCase(Locale.ROOT), String.join("\n", text),
					(start > 0) ? lines.get(start - 1) : "", prose));
		}
		return blocks;
	}

	/**
	 * The marker comment above the block.
	 * @param marker the marker's pattern, whose groups the caller reads
	 * @return the match, or {@code null} when the line above is no such marker
	 */
	@Nullable Matcher marker(Pattern marker) {
		Matcher matcher = marker.matcher(this.above);
		return matcher.matches() ? matcher : null;
	}

}
