package fr.infocentre.api.render;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.CsvCell;
import fr.infocentre.warehouse.DemandeList;
import fr.infocentre.warehouse.RapportTable;


import io.javalin.http.Context;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static fr.infocentre.api.render.XlsxStyles.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes a rapport table as an Excel workbook (Apache POI), every text in French. Sheet « Tableau »: the
 * title, territory, millésime and source, then the table (bold header row frozen, counts as integers with
 * grouped thousands, shares and other figures with one decimal, masked cells as the text "s", a figure
 * that does not exist as an empty cell, the total line in bold). Sheet « Définitions et notes »: the
 * rapport's description, the table's notes and the conventional signs. Only values: no formula.
 *
 * <p>The table is already protected by the secret statistique: a masked cell is read through
 * {@link RapportTable#mask}, never recomputed.
 */
public final class XlsxRenderer {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
    public static final String SHEET_TABLE = "Tableau";
    public static final String SHEET_NOTES = "Définitions et notes";

    private static final int NOTES_TEXT_WIDTH = 100;
    private static final float LINE_HEIGHT = 15f;

    public void write(Context ctx, RapportTable table) {
        Downloads.attachment(ctx, table, CONTENT_TYPE, "xlsx", bytes(table));
    }

    /** The workbook's bytes. */
    public byte[] bytes(RapportTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream output = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            tableSheet(workbook.createSheet(SHEET_TABLE), table, styles);
            notesSheet(workbook.createSheet(SHEET_NOTES), table, styles);
            workbook.getProperties().getCoreProperties().setTitle(table.rapport().id() + " – " + table.rapport().title());
            workbook.getProperties().getCoreProperties().setCreator("Infocentre");
            workbook.write(output);
            return output.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table of exact counts (the espace gestionnaire's requêtes), as a workbook of the same look. */
    public void write(Context ctx, CountTable table) {
        ctx.contentType(CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + table.fileName() + ".xlsx\"")
                .result(bytes(table));
    }

    /** The workbook's bytes: sheet « Tableau » (title, heading, the table, its total in bold), sheet of the notes. */
    public byte[] bytes(CountTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream output = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(SHEET_TABLE);
            int r = 0;
            text(sheet.createRow(r++), 0, table.title(), styles.title);
            for (String line : table.heading()) {
                text(sheet.createRow(r++), 0, line, styles.text);
            }
            r++;
            int headerRow = r;
            Row header = sheet.createRow(r++);
            text(header, 0, table.rowHeader(), styles.headerLabel);
            int labelWidth = Math.max(table.rowHeader().length(), "Total".length());
            for (int j = 0; j < table.columns().size(); j++) {
                text(header, j + 1, table.columns().get(j), styles.headerNumber);
            }
            sheet.createFreezePane(0, headerRow + 1);
            for (CountTable.Line line : table.lines()) {
                countLine(sheet.createRow(r++), line.label(), line, styles.text, styles.figures.count());
                labelWidth = Math.max(labelWidth, line.label().length());
            }
            countLine(sheet.createRow(r), "Total", table.total(), styles.totalLabel, styles.totals.count());
            sheet.setColumnWidth(0, (Math.min(labelWidth, 60) + 2) * 256);
            for (int j = 0; j < table.columns().size(); j++) {
                int width = Math.max(10, Math.min(table.columns().get(j).length(), 24));
                sheet.setColumnWidth(j + 1, (width + 2) * 256);
            }
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);

            Sheet notes = workbook.createSheet(SHEET_NOTES);
            int n = 0;
            text(notes.createRow(n++), 0, SHEET_NOTES, styles.title);
            n++;
            n = styles.entry(notes, n, "Tableau", table.title(), NOTES_TEXT_WIDTH);
            boolean first = true;
            for (String line : table.heading()) {
                n = styles.entry(notes, n, first ? "Périmètre" : "", line, NOTES_TEXT_WIDTH);
                first = false;
            }
            first = true;
            for (String note : table.notes()) {
                n = styles.entry(notes, n, first ? "Notes" : "", note, NOTES_TEXT_WIDTH);
                first = false;
            }
            notes.setColumnWidth(0, 22 * 256);
            notes.setColumnWidth(1, NOTES_TEXT_WIDTH * 256);
            workbook.getProperties().getCoreProperties().setTitle(table.title());
            workbook.getProperties().getCoreProperties().setCreator("Infocentre");
            workbook.write(output);
            return output.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void countLine(Row row, String label, CountTable.Line line, CellStyle labelStyle, CellStyle countStyle) {
        text(row, 0, label, labelStyle);
        for (int j = 0; j < line.counts().size(); j++) {
            Cell cell = row.createCell(j + 1);
            cell.setCellValue(line.counts().get(j));
            cell.setCellStyle(countStyle);
        }
    }

    // ---- a list of demandes (espace gestionnaire: nominative, restricted routes only) ----

    /** The sheet of a list of demandes. */
    public static final String SHEET_DEMANDES = "Demandes";
    /** The rapport whose indicators the lists explain (GuichetActivity.RAPPORT, which the public site may not name). */
    private static final String LIST_RAPPORT = "TAB06-01";

    /** For example TAB06-01_demandes_B06001_pct_enregistrees_plus_1_mois_2025-T1.xlsx. */
    public static String fileName(DemandeList list) {
        return (String.join("_", LIST_RAPPORT, "demandes", list.guichet().code(), list.indicator().key(),
                list.period().key()) + ".xlsx").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Sends the demandes behind an indicator as a workbook, as an attachment. */
    public void write(Context ctx, DemandeList list) {
        ctx.contentType(CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(list) + "\"")
                .result(bytes(list));
    }

    /**
     * The workbook of a list of demandes (sheet « Demandes »): what it lists (indicator, guichet, period, data date,
     * how many, whether cut), then the header row of the fields' French labels (frozen, with a filter) and one row
     * per unit: dates as dates, numbers as numbers, texts as texts, yes/no as « oui » / « non », an empty field as
     * an empty cell. Streamed (POI SXSSF, compressed temporary files deleted when written): a list may be long.
     */
    public byte[] bytes(DemandeList list) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(true);
        try (workbook; ByteArrayOutputStream output = new ByteArrayOutputStream()) {
            XlsxStyles styles = new XlsxStyles(workbook);
            CellStyle title = styles.title, text = styles.text, header = styles.headerLabel, integer = styles.figures.count();
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));

            SXSSFSheet sheet = workbook.createSheet(SHEET_DEMANDES);
            DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
            int r = 0;
            text(sheet.createRow(r++), 0, "Demandes derrière l'indicateur « " + list.indicator().label() + " »", title);
            text(sheet.createRow(r++), 0, "Rapport " + LIST_RAPPORT + " – suivi de l'activité des guichets",
                    text);
            text(sheet.createRow(r++), 0, "Guichet : " + list.guichet().code() + " – " + list.guichet().libelle()
                    + " (département " + list.guichet().departement() + ")", text);
            text(sheet.createRow(r++), 0, "Période : " + list.period().label(list.dataDate()) + ", du "
                    + list.start().format(day) + " au " + list.end().format(day), text);
            text(sheet.createRow(r++), 0, "Données au " + list.dataDate().format(day) + " (extraction du SNE)", text);
            text(sheet.createRow(r++), 0, "Total : " + list.total() + (list.total() > 1 ? " lignes" : " ligne")
                    + " (une par unité que l'indicateur compte : demande, acte saisi ou attribution)"
                    + (list.truncated() ? " ; seules les " + list.rows().size() + " premières sont listées ici." : "."),
                    text);
            text(sheet.createRow(r++), 0, "Document nominatif, à usage interne : ne pas le diffuser. Son téléchargement"
                    + " est enregistré dans le journal d'audit.", text);
            r++;
            List<DemandeList.Field> fields = list.fields();
            int headerRow = r;
            Row labels = sheet.createRow(r++);
            for (int j = 0; j < fields.size(); j++) {
                text(labels, j, fields.get(j).label(), header);
                int width = Math.max(12, Math.min(fields.get(j).label().length(), 28));
                for (Map<String, Object> row : list.rows().subList(0, Math.min(100, list.rows().size()))) {
                    Object v = row.get(fields.get(j).key());
                    width = Math.max(width, Math.min(v == null ? 0 : v.toString().length() + 2, 60));
                }
                sheet.setColumnWidth(j, (width + 2) * 256);
            }
            labels.setHeightInPoints(2 * LINE_HEIGHT);
            sheet.createFreezePane(0, headerRow + 1);
            for (Map<String, Object> row : list.rows()) {
                Row line = sheet.createRow(r++);
                for (int j = 0; j < fields.size(); j++) {
                    Object v = row.get(fields.get(j).key());
                    if (v instanceof LocalDate d) {
                        Cell cell = line.createCell(j);
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number n) {
                        Cell cell = line.createCell(j);
                        cell.setCellValue(n.longValue());
                        cell.setCellStyle(integer);
                    } else if (v instanceof Boolean b) {
                        text(line, j, b ? "oui" : "non", text);
                    } else if (v != null) {
                        text(line, j, v.toString(), text);
                    }
                }
            }
            if (!list.rows().isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(headerRow, r - 1, 0, fields.size() - 1));
            }
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(LIST_RAPPORT
                    + " – demandes – " + list.indicator().label());
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("Infocentre");
            workbook.write(output);
            return output.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static void tableSheet(Sheet sheet, RapportTable table, Styles styles) {
        List<Column> columns = table.columns();
        int r = 0;
        text(sheet.createRow(r++), 0, table.rapport().title(), styles.title);
        text(sheet.createRow(r++), 0, "Rapport " + table.rapport().id(), styles.text);
        text(sheet.createRow(r++), 0, Downloads.territoire(table.territoire()), styles.text);
        text(sheet.createRow(r++), 0, Downloads.millesime(table), styles.text);
        String source = Downloads.source(table).orElse(null);
        if (source != null) {
            text(sheet.createRow(r++), 0, source, styles.text);
        }
        r++;

        int headerRow = r;
        Row header = sheet.createRow(r++);
        int[] widths = new int[columns.size()];
        int headerLines = 1;
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            text(header, j, c.label(), c.type() == Column.Type.LABEL ? styles.headerLabel : styles.headerNumber);
            widths[j] = width(table, c);
            headerLines = Math.max(headerLines, (c.label().length() + widths[j] - 1) / widths[j]);
        }
        header.setHeightInPoints(headerLines * LINE_HEIGHT);
        sheet.createFreezePane(0, headerRow + 1);

        for (Map<String, Object> line : table.lines()) {
            line(sheet.createRow(r++), table, line, null, styles, false);
        }
        if (table.total() != null) {
            line(sheet.createRow(r++), table, table.total(), "Total", styles, true);
        }
        if (!table.masks().isEmpty()) {
            r++;
            text(sheet.createRow(r), 0, "s : secret statistique (voir l'onglet « " + SHEET_NOTES + " »).", styles.text);
        }
        for (int j = 0; j < columns.size(); j++) {
            sheet.setColumnWidth(j, (widths[j] + 2) * 256);
        }
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
    }

    /** One line of the table; a non-null label replaces the category (the total line). */
    private static void line(Row row, RapportTable table, Map<String, Object> values, String label, Styles styles,
                             boolean total) {
        List<Column> columns = table.columns();
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            if (c.type() == Column.Type.LABEL) {
                text(row, j, label != null ? label : String.valueOf(values.get(c.key())), total ? styles.totalLabel : styles.text);
                continue;
            }
            Object value = values.get(c.key());
            boolean masked = table.mask(values, c.key());
            if (!masked && value != null && !(value instanceof Number)) {
                text(row, j, value.toString(), total ? styles.totalLabel : styles.text);
            } else {
                XlsxStyles.figure(row, j, value, c.type(), masked, total ? styles.totals : styles.figures);
            }
        }
    }

    private static void notesSheet(Sheet sheet, RapportTable table, Styles styles) {
        int r = 0;
        text(sheet.createRow(r++), 0, SHEET_NOTES, styles.title);
        r++;
        r = styles.entry(sheet, r, "Rapport", table.rapport().id() + " – " + table.rapport().title(), NOTES_TEXT_WIDTH);
        r = styles.entry(sheet, r, "Description", table.rapport().description(), NOTES_TEXT_WIDTH);
        r = styles.entry(sheet, r, "Territoire", Downloads.territoire(table.territoire()), NOTES_TEXT_WIDTH);
        boolean first = true;
        for (String note : table.notes()) {
            r = styles.entry(sheet, r, first ? "Notes" : "", note, NOTES_TEXT_WIDTH);
            first = false;
        }
        r++;
        text(sheet.createRow(r++), 0, "Signes conventionnels", styles.title);
        r = styles.entry(sheet, r, CsvCell.MASKED, Downloads.SIGN_MASKED, NOTES_TEXT_WIDTH);
        styles.entry(sheet, r, "(case vide)", Downloads.SIGN_EMPTY, NOTES_TEXT_WIDTH);
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, NOTES_TEXT_WIDTH * 256);
    }

    /** A column's width in characters: its widest figure, its header wrapped over a few lines at most. */
    private static int width(RapportTable table, Column c) {
        int widest = c.type() == Column.Type.LABEL ? "Total".length() : 1;
        for (Map<String, Object> line : table.lines()) {
            widest = Math.max(widest, Values.page(line.get(c.key()), c.type(), false).length());
        }
        if (table.total() != null) {
            widest = Math.max(widest, Values.page(table.total().get(c.key()), c.type(), false).length());
        }
        if (c.type() == Column.Type.LABEL) {
            return Math.min(Math.max(widest, c.label().length()), 60);
        }
        return Math.max(Math.max(widest, 8), Math.min(c.label().length(), 16));
    }


    /** The workbook's cell styles: the shared ones, and the total line's, in bold under a rule. */
    private static final class Styles extends XlsxStyles {
        final CellStyle totalLabel;
        final Figures totals;

        Styles(XSSFWorkbook workbook) {
            super(workbook);
            Consumer<CellStyle> ruled = style -> style.setBorderTop(BorderStyle.THIN);
            totalLabel = bold(text, ruled);
            totals = bold(figures, ruled);
        }
    }
}
