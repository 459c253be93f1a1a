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

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

/**
 * Writes one JSON document per line and flushes each before returning, so a line is out of the process before the
 * event it describes is acknowledged. A file is appended to, never truncated.
 */
final class JsonLinesOutput implements Closeable {

	private final @Nullable PrintStream stream;

	private final @Nullable Writer writer;

	private final String description;

	private JsonLinesOutput(@Nullable PrintStream stream, @Nullable Writer writer, String description) {
		this.stream = stream;
		this.writer = writer;
		this.description = description;
	}

	static JsonLinesOutput open(String target, PrintStream stdout) throws IOException {
		if (target.equals("-")) {
			return new JsonLinesOutput(stdout, null, "standard output");
		}
		Path path = Path.of(target);
		Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND, StandardOpenOption.WRITE);
		return new JsonLinesOutput(null, writer, path.toAbsolutePath().toString());
	}

	synchronized void write(String json) throws IOException {
		if (this.stream != null) {
			this.stream.print(json);
			this.stream.print('\n');
			this.stream.flush();
			if (this.stream.checkError()) {
				throw new IOException("Cannot write to " + this.description);
			}
			return;
		}
		this.writer.write(json);
		this.writer.write('\n');
		this.writer.flush();
	}

	@Override
	public synchronized void close() throws IOException {
		if (this.writer != null) {
			this.writer.close();
		}
	}

	@Override
	public String toString() {
		return this.description;
	}

}
