package fr.infocentre.api;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rapport table read back from a PDF download with PDFBox's text extraction, as a reader sees the pages:
 * the text is cut into pieces where the extraction sees a gap (a cell, a label, a figure), each with its
 * position. The sections are found by their headings (« Graphique – <main column> », « Tableau », « Notes »);
 * in the chart and the table, a piece starting at the section's left edge is a category label (possibly
 * wrapped over several text lines, matched against the JSON labels in order), any other piece a figure. In
 * the table the figures are right-aligned under their header, which tells their column; the header, found
 * by the label column's header, may come back at the top of a page. The foot of each page ("page k / n") is
 * kept apart. Whatever else holds a number is checked against the numbers the document may show outside the
 * chart and the table (see {@link #strayNumbers}).
 */
record PdfTable(int pages, String text, List<String> heading, List<String> headers, List<Line> table,
                List<Line> chart, List<String> others, List<String> footers, int headerRepeats,
                List<String> fonts, List<String> inconsistencies) {

    static final String TABLE = "Tableau";
    static final String NOTES = "Notes";
    private static final Pattern FOOTER = Pattern.compile(".*page (\\d+) / (\\d+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final float TOLERANCE = 1.5f;

    /** One line of the table or of the chart: its label, its figures' texts column by column ("" when none), its page. */
    record Line(String label, List<String> cells, int page) {
    }

    /** A piece of text and where it stands on its page (y grows downwards). */
    private record Piece(int page, float x0, float x1, float y, String text) {
    }

    /** The pieces of one text line. */
    private record TextLine(int page, float y, List<Piece> pieces) {
        String text() {
            return String.join(" ", pieces.stream().map(Piece::text).toList());
        }
    }

    /**
     * Reads a PDF download against the JSON document's labels: its columns' labels, the lines' category
     * labels, whether it has a total line.
     */
    static PdfTable read(byte[] bytes, List<String> labels, List<String> categories, boolean total) {
        List<String> inconsistencies = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        String text;
        int pages;
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            pages = document.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) throws IOException {
                    TextPosition first = positions.get(0);
                    TextPosition last = positions.get(positions.size() - 1);
                    pieces.add(new Piece(getCurrentPageNo(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                            first.getYDirAdj(), s.strip()));
                    super.writeString(s, positions);
                }
            };
            stripper.setSortByPosition(true);
            text = stripper.getText(document);
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? " (embedded)" : " (not embedded)"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new PdfTable(0, "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0, List.of(),
                    List.of("unreadable PDF: " + e));
        }
        List<TextLine> lines = lines(pieces);
        List<String> footers = new ArrayList<>();
        lines.removeIf(l -> {
            if (FOOTER.matcher(l.text()).matches()) {
                footers.add(l.text());
                return true;
            }
            return false;
        });
        int chartAt = index(lines, "Graphique – " + labels.get(1), 0);
        int tableAt = index(lines, TABLE, Math.max(chartAt, 0));
        int notesAt = index(lines, NOTES, Math.max(tableAt, 0));
        if (chartAt < 0 || tableAt < 0 || notesAt < 0) {
            return new PdfTable(pages, text, List.of(), List.of(), List.of(), List.of(), List.of(), footers, 0, fonts,
                    List.of("sections not found (« Graphique – " + labels.get(1) + " » " + chartAt + ", « " + TABLE + " » "
                            + tableAt + ", « " + NOTES + " » " + notesAt + ") in:\n" + text));
        }
        List<String> heading = lines.subList(0, chartAt).stream().map(TextLine::text).toList();
        List<String> others = new ArrayList<>(heading);
        lines.subList(notesAt + 1, lines.size()).forEach(l -> others.add(l.text()));

        List<Line> chart = new ArrayList<>();
        readLines(lines.subList(chartAt + 1, tableAt), categories, null, null, chart, others, inconsistencies, "chart");

        List<TextLine> tableLines = lines.subList(tableAt + 1, notesAt);
        List<String> headers = new ArrayList<>();
        List<Float> edges = new ArrayList<>();
        int headerRepeats = header(tableLines, labels, headers, edges, inconsistencies);
        List<Line> table = new ArrayList<>();
        List<String> expected = new ArrayList<>(categories);
        if (total) {
            expected.add("Total");
        }
        if (headerRepeats > 0) {
            readLines(tableLines, expected, labels.get(0), edges, table, others, inconsistencies, "table");
        }
        return new PdfTable(pages, text, heading, headers, table, chart, others, footers, headerRepeats, fonts,
                inconsistencies);
    }

    /**
     * The numbers in the text outside the chart and the table that are none of those given (the notes', the
     * title's, the territory code, the millésime, the rapport id's, the page numbers).
     */
    List<String> strayNumbers(Set<String> allowed) {
        List<String> stray = new ArrayList<>();
        for (String line : others) {
            Matcher m = NUMBER.matcher(line);
            while (m.find()) {
                if (!allowed.contains(m.group())) {
                    stray.add(m.group() + " in « " + line + " »");
                }
            }
        }
        return stray;
    }

    /** The numbers of some texts, as {@link #strayNumbers} compares them. */
    static Set<String> numbers(List<String> texts) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String t : texts) {
            Matcher m = NUMBER.matcher(t);
            while (m.find()) {
                numbers.add(m.group());
            }
        }
        return numbers;
    }

    /** The header's labels and right edges (from its first occurrence); returns how many times it is drawn. */
    private static int header(List<TextLine> lines, List<String> labels, List<String> headers, List<Float> edges,
                              List<String> inconsistencies) {
        int repeats = 0;
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            if (!line.pieces().get(0).text().equals(labels.get(0))) {
                continue;
            }
            repeats++;
            if (repeats > 1) {
                continue;
            }
            float left = line.pieces().get(0).x0();
            List<Piece> pieces = new ArrayList<>(line.pieces().subList(1, line.pieces().size()));
            for (int k = i + 1; k < lines.size() && Math.abs(lines.get(k).pieces().get(0).x0() - left) > TOLERANCE; k++) {
                pieces.addAll(lines.get(k).pieces());
            }
            List<List<Piece>> columns = new ArrayList<>();
            for (Piece p : pieces) {
                List<Piece> column = columns.stream().filter(c -> Math.abs(c.get(0).x1() - p.x1()) < TOLERANCE).findFirst()
                        .orElse(null);
                if (column == null) {
                    columns.add(column = new ArrayList<>());
                }
                column.add(p);
            }
            columns.sort(Comparator.comparing(c -> c.get(0).x1()));
            headers.add(labels.get(0));
            for (List<Piece> c : columns) {
                headers.add(String.join(" ", c.stream().map(Piece::text).toList()));
                edges.add(c.get(0).x1());
            }
            if (!headers.equals(labels)) {
                inconsistencies.add("table header " + headers + " differs from the JSON colonnes " + labels);
                return 0;
            }
        }
        if (repeats == 0) {
            inconsistencies.add("no table header (a line starting with « " + labels.get(0) + " »)");
        }
        return repeats;
    }

    /**
     * The lines of the chart or the table: the pieces at the section's left edge make the labels, matched in
     * order against {@code expected} (a label may wrap over several text lines); the others are figures, in
     * the table put in the column whose right edge they share, in the chart the one figure of the line. A
     * repeated table header ({@code headerLabel} first) is skipped with its wrapped lines.
     */
    private static void readLines(List<TextLine> lines, List<String> expected, String headerLabel, List<Float> edges,
                                  List<Line> read, List<String> others, List<String> inconsistencies, String what) {
        float left = (float) lines.stream().mapToDouble(l -> l.pieces().get(0).x0()).min().orElse(0);
        int next = 0;
        StringBuilder label = null;
        List<String> cells = null;
        int page = 0;
        boolean inHeader = false;
        for (TextLine line : lines) {
            List<Piece> labelSide = line.pieces().stream().filter(p -> Math.abs(p.x0() - left) < TOLERANCE).toList();
            List<Piece> figures = line.pieces().stream().filter(p -> Math.abs(p.x0() - left) >= TOLERANCE).toList();
            String text = String.join(" ", labelSide.stream().map(Piece::text).toList());
            if (label == null) {
                if (headerLabel != null && text.equals(headerLabel)) {
                    inHeader = true;
                    continue;
                }
                if (inHeader && labelSide.isEmpty()) {
                    continue;
                }
                inHeader = false;
                if (next >= expected.size() || labelSide.isEmpty()) {
                    others.add(line.text());
                    continue;
                }
                label = new StringBuilder(text);
                page = line.page();
                cells = new ArrayList<>();
                for (int j = 0; j < (edges == null ? 1 : edges.size()); j++) {
                    cells.add("");
                }
            } else {
                label.append(labelSide.isEmpty() ? "" : " " + text);
            }
            for (Piece f : figures) {
                int column = 0;
                if (edges != null) {
                    column = -1;
                    for (int j = 0; j < edges.size(); j++) {
                        if (Math.abs(edges.get(j) - f.x1()) < TOLERANCE) {
                            column = j;
                        }
                    }
                }
                if (column < 0 || !cells.get(column).isEmpty()) {
                    inconsistencies.add(what + ", line « " + label + " »: figure « " + f.text() + " » "
                            + (column < 0 ? "under no column" : "where another stands"));
                } else {
                    cells.set(column, f.text());
                }
            }
            String wanted = expected.get(next);
            if (wanted.equals(label.toString())) {
                read.add(new Line(wanted, cells, page));
                next++;
                label = null;
            } else if (!wanted.startsWith(label + " ")) {
                inconsistencies.add(what + ": line « " + label + " » where « " + wanted + " » was expected");
                return;
            }
        }
        if (next < expected.size()) {
            inconsistencies.add(what + ": " + (expected.size() - next) + " lines missing, from « " + expected.get(next) + " »");
        }
    }

    private static int index(List<TextLine> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).text().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    /** The pieces grouped in text lines: same page, same baseline. */
    private static List<TextLine> lines(List<Piece> pieces) {
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.removeIf(p -> p.text().isEmpty());
        sorted.sort(Comparator.comparing(Piece::page).thenComparing(Piece::y).thenComparing(Piece::x0));
        List<TextLine> lines = new ArrayList<>();
        for (Piece p : sorted) {
            TextLine last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last != null && last.page() == p.page() && Math.abs(last.y() - p.y()) < TOLERANCE) {
                last.pieces().add(p);
            } else {
                List<Piece> list = new ArrayList<>();
                list.add(p);
                lines.add(new TextLine(p.page(), p.y(), list));
            }
        }
        lines.forEach(l -> l.pieces().sort(Comparator.comparing(Piece::x0)));
        return lines;
    }
}
