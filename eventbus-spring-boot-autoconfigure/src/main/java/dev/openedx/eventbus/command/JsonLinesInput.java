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

package dev.openedx.eventbus.command;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON document per line, numbered from 1, from a file or standard input, as {@link JsonLinesOutput} and
 * {@code consume-events --output} write them; blank lines are skipped (their numbers still count). A file that holds
 * exactly one JSON document over several lines (a pretty-printed data object, as {@code -d @FILE} always accepted) is
 * read as that one document, numbered 1.
 */
final class JsonLinesInput implements Closeable {

	private static final ObjectMapper STRICT = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final BufferedReader reader;

	private final String description;

	private long number;

	private JsonLinesInput(BufferedReader reader, String description) {
		this.reader = reader;
		this.description = description;
	}

	/**
	 * Open {@code -} (standard input) or {@code @FILE}.
	 * @param source the {@code --data} value
	 * @param stdin standard input
	 * @return the input, to close
	 * @throws IOException when the file cannot be read
	 */
	static JsonLinesInput open(String source, InputStream stdin) throws IOException {
		if (source.equals("-")) {
			return new JsonLinesInput(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)),
					"standard input");
		}
		Path file = Path.of(source.substring(1));
		BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
		String description = file.toAbsolutePath().toString();
		String first = firstDocumentSpanningLines(reader, file);
		if (first != null) {
			reader.close();
			return new JsonLinesInput(new BufferedReader(new StringReader(first)), description);
		}
		return new JsonLinesInput(reader, description);
	}

	/**
	 * The whole file when its first non-blank line is not a JSON document by itself but the whole file is one;
	 * {@code null} for JSON lines (the reader is reset to the start).
	 */
	private static @Nullable String firstDocumentSpanningLines(BufferedReader reader, Path file) throws IOException {
		reader.mark(1 << 20);
		String line = reader.readLine();
		while (line != null && line.isBlank()) {
			line = reader.readLine();
		}
		if (line == null || isDocument(line)) {
			reader.reset();
			return null;
		}
		String whole = Files.readString(file, StandardCharsets.UTF_8);
		if (isDocument(whole)) {
			return whole.replace('\n', ' ').replace('\r', ' ');
		}
		reader.reset();
		return null;
	}

	private static boolean isDocument(String text) {
		try {
			STRICT.readTree(text);
			return true;
		}
		catch (JsonProcessingException ex) {
			return false;
		}
	}

	/**
	 * The next non-blank line.
	 * @return the line, or {@code null} at the end
	 * @throws IOException when reading fails
	 */
	@Nullable Line next() throws IOException {
		String text = this.reader.readLine();
		this.number++;
		while (text != null && text.isBlank()) {
			text = this.reader.readLine();
			this.number++;
		}
		return (text != null) ? new Line(this.number, text) : null;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

	@Override
	public String toString() {
		return this.description;
	}

	/**
	 * One line of input.
	 *
	 * @param number its number in the input, from 1
	 * @param text its text
	 */
	record Line(long number, String text) {
	}

}
