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

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table with aligned columns, for output a person reads in a terminal.
 *
 * @since 0.1.0
 */
final class TextTable {

	private final List<String> headers;

	private final boolean[] rightAligned;

	private final List<List<String>> rows = new ArrayList<>();

	private TextTable(List<String> headers) {
		this.headers = headers;
		this.rightAligned = new boolean[headers.size()];
	}

	/**
	 * A table with these column headers; a header ending in {@code >} is right-aligned (the marker is not shown).
	 * @param headers the headers
	 * @return the table
	 */
	static TextTable of(String... headers) {
		List<String> names = new ArrayList<>();
		for (String header : headers) {
			names.add(header.endsWith(">") ? header.substring(0, header.length() - 1) : header);
		}
		TextTable table = new TextTable(names);
		for (int i = 0; i < headers.length; i++) {
			table.rightAligned[i] = headers[i].endsWith(">");
		}
		return table;
	}

	TextTable row(Object... values) {
		List<String> row = new ArrayList<>();
		for (Object value : values) {
			row.add(String.valueOf(value));
		}
		this.rows.add(row);
		return this;
	}

	boolean isEmpty() {
		return this.rows.isEmpty();
	}

	void print(PrintStream out, String indent) {
		int[] widths = new int[this.headers.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.headers.get(i).length();
			for (List<String> row : this.rows) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		print(out, indent, this.headers, widths);
		for (List<String> row : this.rows) {
			print(out, indent, row, widths);
		}
	}

	private void print(PrintStream out, String indent, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder(indent);
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			String padding = " ".repeat(widths[i] - cell.length());
			line.append(this.rightAligned[i] ? padding + cell : cell + padding);
			if (i < cells.size() - 1) {
				line.append("  ");
			}
		}
		out.println(line.toString().stripTrailing());
	}

}
