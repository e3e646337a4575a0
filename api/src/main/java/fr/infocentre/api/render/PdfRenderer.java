package fr.infocentre.api.render;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.CsvCell;
import fr.infocentre.warehouse.RapportTable;


import io.javalin.http.Context;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a rapport table as a PDF (Apache PDFBox), A4 portrait, every text in French and selectable:
 * title, territory, millésime, the chart (horizontal bars of the main count, the second column, per
 * category, drawn as vector graphics; a masked value has no bar and is marked "s"), the table (header
 * repeated on each page, figures right-aligned in French format, masked cells "s", a figure that does not
 * exist left empty), the notes with the source and extraction date, and "page k / n" on every page.
 *
 * <p>The text is set in Liberation Sans, the TrueType font that PDFBox ships in its own jar (SIL Open Font
 * License 1.1, which allows embedding), embedded as a subset: no font file in the project, none needed on
 * the machine. The table is already protected by the secret statistique: a masked cell is read through
 * {@link RapportTable#mask}, never recomputed.
 */
public final class PdfRenderer {

    public static final String CONTENT_TYPE = "application/pdf";
    private static final float MARGIN = 42f;
    private static final float FOOTER_Y = 30f;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float PADDING = 4f;
    private static final Color BAR = new Color(0x00, 0x00, 0x91);
    private static final Color RULE = new Color(0xb0, 0xb0, 0xb0);
    private static final Color HEADER_FILL = new Color(0xe8, 0xe8, 0xf0);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);

    /** Fails at start-up, not at the first download, when PDFBox's font is missing. */
    public PdfRenderer() {
        PdfText.requireFont();
    }

    public void write(Context ctx, RapportTable table) {
        Downloads.attachment(ctx, table, CONTENT_TYPE, "pdf", bytes(table));
    }

    /** The document's bytes. */
    public byte[] bytes(RapportTable table) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream output = new ByteArrayOutputStream()) {
            new Layout(document, PdfText.in(document), table).draw();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(table.rapport().id() + " – " + table.rapport().title() + " – "
                    + Downloads.territoire(table.territoire()) + " – " + table.millesime());
            info.setCreator("Infocentre");
            info.setProducer("Infocentre (Apache PDFBox)");
            document.getDocumentCatalog().setLanguage("fr-FR");
            document.save(output);
            return output.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One document being laid out, top to bottom, page after page. */
    private static final class Layout extends PdfPages {

        private final RapportTable table;
        private final List<Column> columns;

        Layout(PDDocument document, PdfText pdf, RapportTable table) {
            super(document, pdf);
            this.table = table;
            this.columns = table.columns();
        }

        void draw() throws IOException {
            newPage();
            for (String line : wrap(table.rapport().title(), 15, WIDTH)) {
                text(line, MARGIN, y - 15, 15, true, Color.BLACK);
                y -= 19;
            }
            y -= 2;
            text(Downloads.territoire(table.territoire()), MARGIN, y - 11, 11, false, Color.BLACK);
            y -= 15;
            text(Downloads.millesime(table) + " – rapport " + table.rapport().id(), MARGIN, y - 11, 11, false, Color.BLACK);
            y -= 26;
            chart();
            y -= 14;
            table();
            y -= 14;
            notes();
            content.close();
            footers();
        }

        // ------------------------------------------------------------ chart

        /** Horizontal bars of the main count (the second column), one per category; masked: no bar, "s". */
        private void chart() throws IOException {
            Column main = columns.get(1);
            heading("Graphique – " + main.label());
            float size = 8.5f;
            float lineHeight = size + 2.5f;
            float labelWidth = Math.min(190f, widest(table.lines().stream()
                    .map(l -> label(l, null)).toList(), size) + 2);
            float barX = MARGIN + labelWidth + 8;
            float valueRoom = pdf.width("000 000 000", size) + 6;
            float barRoom = WIDTH - labelWidth - 8 - valueRoom;
            double max = 0;
            for (Map<String, Object> line : table.lines()) {
                if (!table.mask(line, main.key()) && line.get(main.key()) instanceof Number n) {
                    max = Math.max(max, n.doubleValue());
                }
            }
            float top = y;
            for (Map<String, Object> line : table.lines()) {
                List<String> label = wrap(label(line, null), size, labelWidth);
                float height = Math.max(14f, label.size() * lineHeight + 3);
                if (y - height < BOTTOM) {
                    axis(barX, top);
                    newPage();
                    top = y;
                }
                float baseline = y - size - 1;
                for (int i = 0; i < label.size(); i++) {
                    text(label.get(i), MARGIN, baseline - i * lineHeight, size, false, Color.BLACK);
                }
                Object value = line.get(main.key());
                if (table.mask(line, main.key())) {
                    text(CsvCell.MASKED, barX + 3, baseline, size, false, MUTED);
                } else if (value instanceof Number n) {
                    float length = max <= 0 ? 0 : (float) (n.doubleValue() / max * barRoom);
                    if (length > 0) {
                        content.setNonStrokingColor(BAR);
                        content.addRect(barX, baseline - 1.5f, Math.max(length, 0.5f), size + 1.5f);
                        content.fill();
                    }
                    text(Values.page(value, main.type(), false), barX + length + 3, baseline, size, false, Color.BLACK);
                }
                y -= height;
            }
            axis(barX, top);
            y -= 4;
            text("Les valeurs masquées (s : secret statistique) ne sont pas représentées.", MARGIN, y - 8, 8, false, MUTED);
            y -= 12;
        }

        private void axis(float x, float top) throws IOException {
            content.setStrokingColor(RULE);
            content.setLineWidth(0.6f);
            content.moveTo(x, top);
            content.lineTo(x, y);
            content.stroke();
        }

        // ------------------------------------------------------------ table

        private void table() throws IOException {
            heading("Tableau");
            float size = 8.5f;
            float[] widths = columnWidths(size);
            while (widths == null && size > 6.5f) {
                size -= 0.5f;
                widths = columnWidths(size);
            }
            if (widths == null) {
                widths = columnWidths(size, true);
            }
            float lineHeight = size + 2.5f;
            header(widths, size, lineHeight);
            for (Map<String, Object> line : table.lines()) {
                row(line, null, widths, size, lineHeight, false);
            }
            if (table.total() != null) {
                row(table.total(), "Total", widths, size, lineHeight, true);
            }
        }

        /** Widths of the columns: each figure column as wide as its widest figure or header word, the label the rest. */
        private float[] columnWidths(float size) throws IOException {
            return columnWidths(size, false);
        }

        private float[] columnWidths(float size, boolean force) throws IOException {
            float[] widths = new float[columns.size()];
            float figures = 0;
            for (int j = 1; j < columns.size(); j++) {
                Column c = columns.get(j);
                float w = pdf.width("0 000", size);
                for (String word : c.label().split(" ")) {
                    w = Math.max(w, width(word, size));
                }
                for (Map<String, Object> line : allLines()) {
                    w = Math.max(w, width(cellText(line, c), size));
                }
                widths[j] = w + 2 * PADDING + 4;
                figures += widths[j];
            }
            widths[0] = WIDTH - figures;
            float labelMinimum = Math.max(width(columns.get(0).label(), size), width("Total", size)) + 2 * PADDING;
            if (!force && widths[0] < Math.max(labelMinimum, 110f)) {
                return null;
            }
            float labelNeed = widest(allLines().stream().map(l -> label(l, l == table.total() ? "Total" : null)).toList(),
                    size) + 2 * PADDING;
            widths[0] = Math.max(Math.min(widths[0], labelNeed), labelMinimum);
            return widths;
        }

        private void header(float[] widths, float size, float lineHeight) throws IOException {
            List<List<String>> labels = new ArrayList<>();
            int lines = 1;
            for (int j = 0; j < columns.size(); j++) {
                List<String> label = j == 0 ? List.of(columns.get(0).label())
                        : wrap(columns.get(j).label(), size, widths[j] - 2 * PADDING);
                labels.add(label);
                lines = Math.max(lines, label.size());
            }
            float height = lines * lineHeight + 2 * PADDING;
            if (y - height - 2 * lineHeight < BOTTOM) {
                newPage();
            }
            float tableWidth = PdfText.sum(widths);
            content.setNonStrokingColor(HEADER_FILL);
            content.addRect(MARGIN, y - height, tableWidth, height);
            content.fill();
            float x = MARGIN;
            for (int j = 0; j < columns.size(); j++) {
                for (int i = 0; i < labels.get(j).size(); i++) {
                    float baseline = y - PADDING - size - i * lineHeight;
                    String line = labels.get(j).get(i);
                    float lx = j == 0 ? x + PADDING : x + widths[j] - PADDING - width(line, size);
                    text(line, lx, baseline, size, true, Color.BLACK);
                }
                x += widths[j];
            }
            y -= height;
            rule(MARGIN, MARGIN + tableWidth, y, Color.BLACK, 0.8f);
        }

        /** One line of the table, figures right-aligned on its first text line; a new page repeats the header. */
        private void row(Map<String, Object> values, String label, float[] widths, float size, float lineHeight,
                         boolean total) throws IOException {
            List<String> text = wrap(label(values, label), size, widths[0] - 2 * PADDING);
            float height = text.size() * lineHeight + 2 * PADDING - 2;
            if (y - height < BOTTOM) {
                newPage();
                header(widths, size, lineHeight);
            }
            float tableWidth = PdfText.sum(widths);
            if (total) {
                rule(MARGIN, MARGIN + tableWidth, y, Color.BLACK, 0.8f);
            }
            float baseline = y - PADDING - size + 1;
            for (int i = 0; i < text.size(); i++) {
                text(text.get(i), MARGIN + PADDING, baseline - i * lineHeight, size, total, Color.BLACK);
            }
            float x = MARGIN + widths[0];
            for (int j = 1; j < columns.size(); j++) {
                Column c = columns.get(j);
                String cell = Values.page(values.get(c.key()), c.type(), table.mask(values, c.key()));
                if (!cell.isEmpty()) {
                    text(cell, x + widths[j] - PADDING - width(cell, size), baseline, size, total, Color.BLACK);
                }
                x += widths[j];
            }
            y -= height;
            rule(MARGIN, MARGIN + tableWidth, y, RULE, 0.4f);
        }

        // ------------------------------------------------------------ notes and footers

        private void notes() throws IOException {
            float size = 8.5f;
            float lineHeight = size + 3f;
            if (y - 3 * lineHeight - 16 < BOTTOM) {
                newPage();
            }
            heading("Notes");
            List<String> notes = new ArrayList<>(table.notes());
            notes.add("Case vide : " + Downloads.SIGN_EMPTY);
            for (String note : notes) {
                for (String line : wrap(note, size, WIDTH)) {
                    if (y - lineHeight < BOTTOM) {
                        newPage();
                    }
                    text(line, MARGIN, y - size, size, false, Color.BLACK);
                    y -= lineHeight;
                }
                y -= 3;
            }
        }

        /** "page k / n" and the table's identity at the foot of every page, once the number of pages is known. */
        private void footers() throws IOException {
            int n = document.getNumberOfPages();
            String identity = table.rapport().id() + " – " + Downloads.territoire(table.territoire()) + " – "
                    + table.millesime();
            for (int k = 1; k <= n; k++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(k - 1),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content = footer;
                    rule(MARGIN, MARGIN + WIDTH, FOOTER_Y + 11, RULE, 0.4f);
                    text(identity, MARGIN, FOOTER_Y, 7.5f, false, MUTED);
                    String page = "page " + k + " / " + n;
                    text(page, MARGIN + WIDTH - width(page, 7.5f), FOOTER_Y, 7.5f, false, MUTED);
                }
            }
        }

        // ------------------------------------------------------------ drawing

        private void heading(String title) throws IOException {
            if (y - 40 < BOTTOM) {
                newPage();
            }
            text(title, MARGIN, y - 11, 11, true, Color.BLACK);
            y -= 19;
        }

        // ------------------------------------------------------------ text

        private List<Map<String, Object>> allLines() {
            List<Map<String, Object>> lines = new ArrayList<>(table.lines());
            if (table.total() != null) {
                lines.add(table.total());
            }
            return lines;
        }

        private String label(Map<String, Object> line, String label) {
            return label != null ? label : String.valueOf(line.get(columns.get(0).key()));
        }

        private String cellText(Map<String, Object> line, Column c) {
            return Values.page(line.get(c.key()), c.type(), table.mask(line, c.key()));
        }

        private float widest(List<String> texts, float size) throws IOException {
            float w = 0;
            for (String t : texts) {
                w = Math.max(w, width(t, size));
            }
            return w;
        }

    }
}
