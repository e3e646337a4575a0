package fr.infocentre.api.gestion;

import fr.infocentre.api.render.Downloads;
import fr.infocentre.api.render.XlsxStyles;
import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.CsvCell;
import fr.infocentre.warehouse.DoublonsDiffusables;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.RapportTable;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static fr.infocentre.api.render.XlsxStyles.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The semestrial bilan as an Excel workbook (Apache POI), every text in French, one sheet per section of
 * {@link BilanPack} after a « Synthèse » sheet (territory, semester, data's date, source) and before « Notes ».
 * Every number of the workbook is a figure of the bilan, as the warehouse protected it: counts as integers,
 * rates, means and changes with one decimal; a masked cell is the text "s", a figure that does not exist an empty
 * cell; dates and years are texts. Only values, no formula.
 */
final class BilanXlsx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SHEET_SYNTHESE = "Synthèse";
    static final String SHEET_CHIFFRES = "Chiffres clés";
    static final String SHEET_RAPPORT06 = "Rapport 06";
    static final String SHEET_SIGNALES = "Guichets signalés";
    static final String SHEET_DOUBLONS = "Doublons";
    static final String SHEET_NOTES = "Notes";
    /** The width, in characters, of a note's text. */
    static final int NOTES_WIDTH = 100;

    /** The workbook's bytes; {@code edited} is the day it is produced. */
    byte[] bytes(BilanPack pack, LocalDate edited) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream output = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            synthese(workbook.createSheet(SHEET_SYNTHESE), pack, edited, styles);
            chiffres(workbook.createSheet(SHEET_CHIFFRES), pack, styles);
            rapport06(workbook.createSheet(SHEET_RAPPORT06), pack, styles);
            signales(workbook.createSheet(SHEET_SIGNALES), pack, styles);
            doublons(workbook.createSheet(SHEET_DOUBLONS), pack, styles);
            notes(workbook.createSheet(SHEET_NOTES), pack, styles);
            workbook.getProperties().getCoreProperties().setTitle(pack.title());
            workbook.getProperties().getCoreProperties().setCreator("Infocentre");
            workbook.write(output);
            return output.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int heading(Sheet sheet, String title, BilanPack pack, Styles styles) {
        int r = 0;
        text(sheet.createRow(r++), 0, title, styles.title);
        text(sheet.createRow(r++), 0, pack.territoire() + " – " + pack.semestre().longLabel(), styles.text);
        text(sheet.createRow(r++), 0, pack.source(), styles.text);
        return r + 1;
    }

    private static void synthese(Sheet sheet, BilanPack pack, LocalDate edited, Styles styles) {
        int r = 0;
        text(sheet.createRow(r++), 0, BilanPack.TITLE, styles.title);
        r++;
        r = entry(sheet, r, "Territoire", "Département : " + pack.territoire(), styles);
        r = entry(sheet, r, "Semestre", pack.semestre().longLabel(), styles);
        r = entry(sheet, r, "Données", "Extraction du SNE du " + pack.dataDate().format(BilanPack.DATE), styles);
        r = entry(sheet, r, "Édité le", edited.format(BilanPack.DATE), styles);
        r = entry(sheet, r, "Source", pack.source(), styles);
        r = entry(sheet, r, "Diffusion", BilanPack.DIFFUSABLE, styles);
        r++;
        text(sheet.createRow(r++), 0, "Sommaire", styles.title);
        List<String> sheets = List.of(SHEET_CHIFFRES, SHEET_RAPPORT06, SHEET_SIGNALES, SHEET_DOUBLONS);
        for (int i = 0; i < sheets.size(); i++) {
            r = entry(sheet, r, "Onglet « " + sheets.get(i) + " »", pack.sections().get(i), styles);
        }
        entry(sheet, r, "Onglet « " + SHEET_NOTES + " »", "Définitions, notes et signes conventionnels", styles);
        sheet.setColumnWidth(0, 26 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    private static void chiffres(Sheet sheet, BilanPack pack, Styles styles) {
        int r = heading(sheet, pack.sections().get(0), pack, styles);
        RapportTable t = pack.chiffresCles();
        List<Column> columns = t.columns();
        Row header = sheet.createRow(r++);
        for (int j = 0; j < columns.size(); j++) {
            text(header, j, columns.get(j).label(), j == 0 ? styles.headerLabel : styles.headerNumber);
        }
        sheet.createFreezePane(0, r);
        for (Map<String, Object> line : t.lines()) {
            Row row = sheet.createRow(r++);
            for (int j = 0; j < columns.size(); j++) {
                Column c = columns.get(j);
                if (c.type() == Column.Type.LABEL) {
                    text(row, j, String.valueOf(line.get(c.key())), styles.text);
                } else {
                    figure(row, j, line.get(c.key()), c.type(), t.mask(line, c.key()), false, styles);
                }
            }
        }
        sheet.setColumnWidth(0, 46 * 256);
        for (int j = 1; j < columns.size(); j++) {
            sheet.setColumnWidth(j, 22 * 256);
        }
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
    }

    private static void rapport06(Sheet sheet, BilanPack pack, Styles styles) {
        int r = heading(sheet, pack.sections().get(1), pack, styles);
        ActivityTable t = pack.rapport06();
        if (t == null) {
            text(sheet.createRow(r), 0, pack.rapport06Absence(), styles.text);
            sheet.setColumnWidth(0, 100 * 256);
            return;
        }
        text(sheet.createRow(r++), 0, pack.rapport06Choice(), styles.text);
        r++;
        Row header = sheet.createRow(r++);
        text(header, 0, "Guichet", styles.headerLabel);
        text(header, 1, "Libellé", styles.headerLabel);
        List<Indicator> indicators = t.indicators();
        for (int j = 0; j < indicators.size(); j++) {
            Indicator i = indicators.get(j);
            text(header, j + 2, (i.numero() == null ? "" : i.numero() + ". ") + i.label(), styles.headerNumber);
        }
        header.setHeightInPoints(60);
        sheet.createFreezePane(2, r);
        List<ActivityRow> rows = new ArrayList<>(t.guichets());
        rows.add(t.reference(ActivityRow.Kind.DEPARTEMENT, pack.departement().code()).orElseThrow());
        for (ActivityRow a : rows) {
            Row row = sheet.createRow(r++);
            boolean reference = a.kind() != ActivityRow.Kind.GUICHET;
            text(row, 0, reference ? "Département " + a.code() : a.code(), reference ? styles.totalLabel : styles.text);
            text(row, 1, reference ? a.name() + " (référence)" : a.name(), reference ? styles.totalLabel : styles.text);
            for (int j = 0; j < indicators.size(); j++) {
                Indicator i = indicators.get(j);
                figure(row, j + 2, a.value(i.key()), i.type(), a.masked(i.key()), a.flagged(i.key()), styles);
            }
        }
        r++;
        text(sheet.createRow(r), 0, "Case sur fond orangé : valeur hors de son seuil (signalée), voir l'onglet « "
                + SHEET_SIGNALES + " ».", styles.text);
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        for (int j = 0; j < indicators.size(); j++) {
            sheet.setColumnWidth(j + 2, 16 * 256);
        }
    }

    private static void signales(Sheet sheet, BilanPack pack, Styles styles) {
        int r = heading(sheet, pack.sections().get(2), pack, styles);
        if (pack.rapport06() == null || pack.signales().isEmpty()) {
            text(sheet.createRow(r), 0, pack.rapport06() == null ? "Sans rapport 06 pour l'année " + pack.rapport06Year()
                    + ", aucun signalement." : "Aucun guichet signalé dans la version diffusable du rapport 06 de l'année "
                    + pack.rapport06Year() + ".", styles.text);
            sheet.setColumnWidth(0, 100 * 256);
            return;
        }
        Row header = sheet.createRow(r++);
        List<String> titles = List.of("Guichet", "Libellé", "Indicateur", "Valeur", "Seuil");
        for (int j = 0; j < titles.size(); j++) {
            text(header, j, titles.get(j), j == 3 ? styles.headerNumber : styles.headerLabel);
        }
        for (BilanPack.Signalement s : pack.signales()) {
            for (BilanPack.Flag f : s.indicators()) {
                Row row = sheet.createRow(r++);
                text(row, 0, s.code(), styles.text);
                text(row, 1, s.libelle(), styles.text);
                text(row, 2, f.indicator().label(), styles.text);
                figure(row, 3, f.value(), f.indicator().type(), false, false, styles);
                text(row, 4, f.threshold() == null ? "" : f.threshold(), styles.text);
            }
        }
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 30 * 256);
        sheet.setColumnWidth(2, 50 * 256);
        sheet.setColumnWidth(3, 12 * 256);
        sheet.setColumnWidth(4, 60 * 256);
    }

    private static void doublons(Sheet sheet, BilanPack pack, Styles styles) {
        int r = heading(sheet, pack.sections().get(3), pack, styles);
        Row header = sheet.createRow(r++);
        text(header, 0, "Guichet", styles.headerLabel);
        text(header, 1, "Libellé", styles.headerLabel);
        text(header, 2, "Doublons potentiels actifs", styles.headerNumber);
        DoublonsDiffusables d = pack.doublons();
        for (DoublonsDiffusables.Row g : d.guichets()) {
            Row row = sheet.createRow(r++);
            text(row, 0, g.code(), styles.text);
            text(row, 1, g.libelle(), styles.text);
            figure(row, 2, g.n(), Column.Type.COUNT, g.masked(), false, styles);
        }
        Row total = sheet.createRow(r);
        text(total, 0, "Département " + d.total().code(), styles.totalLabel);
        text(total, 1, "Ensemble du département", styles.totalLabel);
        figure(total, 2, d.total().n(), Column.Type.COUNT, d.total().masked(), false, styles);
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        sheet.setColumnWidth(2, 26 * 256);
    }

    private static void notes(Sheet sheet, BilanPack pack, Styles styles) {
        int r = 0;
        text(sheet.createRow(r++), 0, SHEET_NOTES, styles.title);
        r++;
        r = entries(sheet, r, pack.sections().get(0), pack.chiffresCles().notes(), styles);
        r = entries(sheet, r, pack.sections().get(1), pack.rapport06() == null ? List.of(pack.rapport06Absence())
                : pack.rapport06().notes(), styles);
        r = entries(sheet, r, pack.sections().get(3), pack.doublons().notes(), styles);
        r++;
        text(sheet.createRow(r++), 0, "Signes conventionnels", styles.title);
        r = entry(sheet, r, CsvCell.MASKED, Downloads.SIGN_MASKED, styles);
        entry(sheet, r, "(case vide)", Downloads.SIGN_EMPTY, styles);
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    private static int entries(Sheet sheet, int r, String label, List<String> notes, Styles styles) {
        boolean first = true;
        for (String n : notes) {
            r = entry(sheet, r, first ? label : "", n, styles);
            first = false;
        }
        return r + 1;
    }

    /** A labelled text wrapped at {@value #NOTES_WIDTH} characters; returns the next row. */
    static int entry(Sheet sheet, int r, String label, String value, Styles styles) {
        return styles.entry(sheet, r, label, value, NOTES_WIDTH);
    }

    /** A figure: "s" when masked, empty when it does not exist, else a number; bold on orange when flagged. */
    static void figure(Row row, int column, Object value, Column.Type type, boolean masked, boolean flagged, Styles styles) {
        XlsxStyles.figure(row, column, value, type, masked, flagged ? styles.flagged : styles.figures);
    }

    /** A workbook's cell styles (the bilan's and the doublons' export): the shared ones, and these. */
    static final class Styles extends XlsxStyles {
        /** A reference or total line's label, in bold. */
        final CellStyle totalLabel;
        /** A figure over its alert threshold (rapport 06), in bold on orange. */
        final Figures flagged;
        /** A field differing within a group of doublons, in bold on yellow. */
        final CellStyle differing;

        Styles(XSSFWorkbook workbook) {
            super(workbook);
            totalLabel = bold(text, style -> { });
            flagged = bold(figures, filled(IndexedColors.LIGHT_ORANGE));
            differing = bold(text, filled(IndexedColors.LIGHT_YELLOW));
        }
    }
}
