package fr.infocentre.api.gestion;

import fr.infocentre.api.render.Downloads;
import fr.infocentre.api.render.Values;
import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.CsvCell;
import fr.infocentre.warehouse.DoublonsDiffusables;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.api.render.PdfPages;
import fr.infocentre.api.render.PdfText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The semestrial bilan as a PDF (Apache PDFBox), A4 portrait, French, every text selectable: a first page naming
 * the territory, the semester, the data's date and the source, then the four sections of {@link BilanPack} as
 * tables (figures right-aligned in French format, masked cells "s", a figure that does not exist left empty), their
 * notes, and "page k / n" on every page. Set in Liberation Sans, the font PDFBox ships (as the public downloads,
 * {@code api.render.PdfRenderer}). Every figure is read as the warehouse protected it: nothing is masked here.
 */
final class BilanPdf {

    private static final float MARGIN = 42f;
    private static final float FOOTER_Y = 30f;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float PADDING = 3.5f;
    private static final Color RULE = new Color(0xb0, 0xb0, 0xb0);
    private static final Color HEADER_FILL = new Color(0xe8, 0xe8, 0xf0);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    /** Guichets per table of rapport 06 (their columns beside the département's). */
    static final int GUICHETS_PER_TABLE = 4;
    /** The mark of a flagged value in rapport 06's tables. */
    static final String FLAG = " *";

    /** The document's bytes; {@code edited} is the day it is produced. */
    byte[] bytes(BilanPack pack, LocalDate edited) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream output = new ByteArrayOutputStream()) {
            Layout layout = new Layout(document, PdfText.in(document));
            draw(layout, pack, edited);
            layout.finish(pack.title());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(pack.title());
            info.setSubject(BilanPack.DIFFUSABLE);
            info.setCreator("Infocentre");
            info.setProducer("Infocentre (Apache PDFBox)");
            document.getDocumentCatalog().setLanguage("fr-FR");
            document.save(output);
            return output.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(Layout d, BilanPack pack, LocalDate edited) throws IOException {
        d.title(BilanPack.TITLE);
        d.line(pack.territoire() + " – " + pack.semestre().longLabel(), 12);
        d.space(4);
        d.paragraph("Données : extraction du SNE du " + pack.dataDate().format(BilanPack.DATE) + ". Document édité le "
                + edited.format(BilanPack.DATE) + ".", 9.5f, Color.BLACK);
        d.paragraph(pack.source(), 9.5f, Color.BLACK);
        d.paragraph(BilanPack.DIFFUSABLE, 9.5f, Color.BLACK);
        d.space(6);
        d.heading("Sommaire");
        for (String s : pack.sections()) {
            d.paragraph(s, 9.5f, Color.BLACK);
        }

        // 1. key figures
        d.space(8);
        d.heading(pack.sections().get(0));
        RapportTable t = pack.chiffresCles();
        List<String> headers = t.columns().stream().map(Column::label).toList();
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> line : t.lines()) {
            List<String> cells = new ArrayList<>();
            for (Column c : t.columns()) {
                cells.add(c.type() == Column.Type.LABEL ? String.valueOf(line.get(c.key()))
                        : Values.page(line.get(c.key()), c.type(), t.mask(line, c.key())));
            }
            rows.add(new Row(cells, "STOCK_FIN".equals(line.get("cle"))));
        }
        d.table(headers, rows, 8.5f);
        d.notes(t.notes());

        // 2. rapport 06
        d.space(8);
        d.heading(pack.sections().get(1));
        ActivityTable r = pack.rapport06();
        if (r == null) {
            d.paragraph(pack.rapport06Absence(), 9, Color.BLACK);
        } else {
            d.paragraph(pack.rapport06Choice(), 8.5f, Color.BLACK);
            ActivityRow reference = r.reference(ActivityRow.Kind.DEPARTEMENT, pack.departement().code()).orElseThrow();
            List<ActivityRow> guichets = r.guichets();
            for (int from = 0; from < Math.max(1, guichets.size()); from += GUICHETS_PER_TABLE) {
                List<ActivityRow> part = guichets.subList(Math.min(from, guichets.size()),
                        Math.min(from + GUICHETS_PER_TABLE, guichets.size()));
                List<String> h = new ArrayList<>();
                h.add("Indicateur");
                part.forEach(g -> h.add(g.code() + " " + g.name()));
                h.add("Département (référence)");
                List<Row> lines = new ArrayList<>();
                for (Indicator i : r.indicators()) {
                    List<String> cells = new ArrayList<>();
                    cells.add((i.numero() == null ? "" : i.numero() + ". ") + i.label());
                    for (ActivityRow g : part) {
                        cells.add(cell(g, i));
                    }
                    cells.add(cell(reference, i));
                    lines.add(new Row(cells, false));
                }
                d.space(4);
                d.table(h, lines, 7.5f);
            }
            List<String> notes = new ArrayList<>(r.notes());
            notes.add("* : valeur hors de son seuil (signalée) ; un signalement n'est montré que si chaque chiffre qu'il"
                    + " compare est diffusé.");
            d.notes(notes);
        }

        // 3. flagged guichets
        d.space(8);
        d.heading(pack.sections().get(2));
        if (r == null) {
            d.paragraph("Sans rapport 06 pour l'année " + pack.rapport06Year() + ", aucun signalement.", 9, Color.BLACK);
        } else if (pack.signales().isEmpty()) {
            d.paragraph("Aucun guichet signalé dans la version diffusable du rapport 06 de l'année " + pack.rapport06Year()
                    + ".", 9, Color.BLACK);
        } else {
            List<Row> lines = new ArrayList<>();
            for (BilanPack.Signalement s : pack.signales()) {
                for (BilanPack.Flag f : s.indicators()) {
                    lines.add(new Row(List.of(s.code() + " " + s.libelle(), f.indicator().label(),
                            Values.page(f.value(), f.indicator().type(), false), f.threshold() == null ? "" : f.threshold()),
                            false));
                }
            }
            d.table(List.of("Guichet", "Indicateur", "Valeur", "Seuil"), lines, 8f);
        }

        // 4. doublons per guichet
        d.space(8);
        d.heading(pack.sections().get(3));
        DoublonsDiffusables db = pack.doublons();
        List<Row> lines = new ArrayList<>();
        for (DoublonsDiffusables.Row g : db.guichets()) {
            lines.add(new Row(List.of(g.code() + " " + g.libelle(), count(g)), false));
        }
        lines.add(new Row(List.of("Ensemble du département", count(db.total())), true));
        d.table(List.of("Guichet", "Doublons potentiels actifs"), lines, 8.5f);
        d.notes(db.notes());
        d.space(6);
        d.paragraph("s : " + Downloads.SIGN_MASKED, 8, MUTED);
    }

    /** A count as shown: "s" when masked. */
    static String count(DoublonsDiffusables.Row row) {
        return row.masked() ? CsvCell.MASKED : Values.page(row.n(), Column.Type.COUNT, false);
    }

    /** A value of rapport 06 as shown, marked when flagged. */
    private static String cell(ActivityRow row, Indicator i) {
        String shown = Values.page(row.value(i.key()), i.type(), row.masked(i.key()));
        return row.flagged(i.key()) ? shown + FLAG : shown;
    }

    /** A line of a table: its cells (the first the label), bold or not. */
    record Row(List<String> cells, boolean bold) {
    }

    /** One document laid out top to bottom, page after page. */
    private static final class Layout extends PdfPages {


        Layout(PDDocument document, PdfText pdf) throws IOException {
            super(document, pdf);
            newPage();
        }

        void title(String text) throws IOException {
            for (String l : wrap(text, 16, WIDTH)) {
                text(l, MARGIN, y - 16, 16, true, Color.BLACK);
                y -= 21;
            }
        }

        void line(String text, float size) throws IOException {
            for (String l : wrap(text, size, WIDTH)) {
                text(l, MARGIN, y - size, size, false, Color.BLACK);
                y -= size + 4;
            }
        }

        void space(float points) {
            y -= points;
        }

        void heading(String text) throws IOException {
            if (y - 60 < BOTTOM) {
                newPage();
            }
            for (String l : wrap(text, 11.5f, WIDTH)) {
                text(l, MARGIN, y - 11.5f, 11.5f, true, Color.BLACK);
                y -= 16;
            }
            y -= 3;
        }

        void paragraph(String text, float size, Color color) throws IOException {
            float lineHeight = size + 3f;
            for (String l : wrap(text, size, WIDTH)) {
                if (y - lineHeight < BOTTOM) {
                    newPage();
                }
                text(l, MARGIN, y - size, size, false, color);
                y -= lineHeight;
            }
            y -= 2;
        }

        void notes(List<String> notes) throws IOException {
            y -= 4;
            for (String n : notes) {
                paragraph(n, 7.5f, MUTED);
            }
        }

        /** A table: the first column the labels (wrapped), the others right-aligned; the header repeated on a new page. */
        void table(List<String> headers, List<Row> rows, float size) throws IOException {
            int n = headers.size();
            float[] widths = new float[n];
            float others = 0;
            for (int j = 1; j < n; j++) {
                float w = width("00 000", size);
                for (String word : headers.get(j).split(" ")) {
                    w = Math.max(w, Math.min(width(word, size), 90));
                }
                for (Row r : rows) {
                    w = Math.max(w, width(r.cells().get(j), size));
                }
                widths[j] = Math.min(w + 2 * PADDING + 2, 150);
                others += widths[j];
            }
            widths[0] = Math.max(WIDTH - others, 110);
            if (others + widths[0] > WIDTH) { // too wide: shrink the figure columns alike
                float factor = (WIDTH - widths[0]) / others;
                for (int j = 1; j < n; j++) {
                    widths[j] *= factor;
                }
            }
            float lineHeight = size + 2.5f;
            header(headers, widths, size, lineHeight);
            for (Row r : rows) {
                List<List<String>> cells = new ArrayList<>();
                int lines = 1;
                for (int j = 0; j < n; j++) {
                    List<String> w = wrap(r.cells().get(j), size, widths[j] - 2 * PADDING);
                    cells.add(w);
                    lines = Math.max(lines, w.size());
                }
                float height = lines * lineHeight + 2 * PADDING - 1;
                if (y - height < BOTTOM) {
                    newPage();
                    header(headers, widths, size, lineHeight);
                }
                if (r.bold()) {
                    rule(MARGIN, MARGIN + PdfText.sum(widths), y, Color.BLACK, 0.8f);
                }
                float x = MARGIN;
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < cells.get(j).size(); k++) {
                        String s = cells.get(j).get(k);
                        float baseline = y - PADDING - size + 1 - k * lineHeight;
                        float tx = j == 0 ? x + PADDING : x + widths[j] - PADDING - width(s, size);
                        text(s, tx, baseline, size, r.bold(), Color.BLACK);
                    }
                    x += widths[j];
                }
                y -= height;
                rule(MARGIN, MARGIN + PdfText.sum(widths), y, RULE, 0.4f);
            }
            y -= 4;
        }

        private void header(List<String> headers, float[] widths, float size, float lineHeight) throws IOException {
            List<List<String>> labels = new ArrayList<>();
            int lines = 1;
            for (int j = 0; j < headers.size(); j++) {
                List<String> w = wrap(headers.get(j), size, widths[j] - 2 * PADDING);
                labels.add(w);
                lines = Math.max(lines, w.size());
            }
            float height = lines * lineHeight + 2 * PADDING;
            if (y - height - 2 * lineHeight < BOTTOM) {
                newPage();
            }
            content.setNonStrokingColor(HEADER_FILL);
            content.addRect(MARGIN, y - height, PdfText.sum(widths), height);
            content.fill();
            float x = MARGIN;
            for (int j = 0; j < headers.size(); j++) {
                for (int k = 0; k < labels.get(j).size(); k++) {
                    String s = labels.get(j).get(k);
                    float tx = j == 0 ? x + PADDING : x + widths[j] - PADDING - width(s, size);
                    text(s, tx, y - PADDING - size - k * lineHeight, size, true, Color.BLACK);
                }
                x += widths[j];
            }
            y -= height;
            rule(MARGIN, MARGIN + PdfText.sum(widths), y, Color.BLACK, 0.8f);
        }

        /** Closes the last page and writes "page k / n" and the document's identity at the foot of every page. */
        void finish(String identity) throws IOException {
            content.close();
            int n = document.getNumberOfPages();
            for (int k = 1; k <= n; k++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(k - 1),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content = footer;
                    rule(MARGIN, MARGIN + WIDTH, FOOTER_Y + 11, RULE, 0.4f);
                    String page = "page " + k + " / " + n;
                    float room = WIDTH - width(page, 7.5f) - 12;
                    text(wrap(identity, 7.5f, room).get(0), MARGIN, FOOTER_Y, 7.5f, false, MUTED);
                    text(page, MARGIN + WIDTH - width(page, 7.5f), FOOTER_Y, 7.5f, false, MUTED);
                }
            }
        }
    }
}
