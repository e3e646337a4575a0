package fr.infocentre.api.render;

import java.util.List;

/**
 * A table of exact counts to download that is not a published rapport table (the espace gestionnaire's requêtes):
 * its heading, a header row, lines of counts under a label, a total line, notes. The CSV and XLSX renderers write
 * it as they write a rapport table ({@link CsvRenderer#write(io.javalin.http.Context, CountTable)},
 * {@link XlsxRenderer#write(io.javalin.http.Context, CountTable)}).
 *
 * @param title     the table's title (the workbook's first line)
 * @param heading   the lines under the title: territory, filters, source…
 * @param rowHeader the header of the labels' column
 * @param columns   the headers of the count columns
 * @param lines     one line per category
 * @param total     the total line (its label is written « Total »)
 * @param notes     what was counted and how
 * @param fileName  the download's name, without extension
 */
public record CountTable(String title, List<String> heading, String rowHeader, List<String> columns, List<Line> lines,
                         Line total, List<String> notes, String fileName) {

    public CountTable {
        heading = List.copyOf(heading);
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
        if (!fileName.matches("[A-Za-z0-9._-]{1,120}")) {
            throw new IllegalArgumentException("a download's name is letters, digits, '.', '_' and '-': " + fileName);
        }
        for (Line l : lines) {
            if (l.counts().size() != columns.size()) {
                throw new IllegalArgumentException("a line of " + l.counts().size() + " counts under " + columns.size()
                        + " columns");
            }
        }
    }

    /** A line: its label and a count per column. */
    public record Line(String label, List<Long> counts) {
        public Line {
            counts = List.copyOf(counts);
        }
    }
}
