package fr.infocentre.api.gestion;

import fr.infocentre.api.render.XlsxStyles;
import fr.infocentre.warehouse.DoublonDemande;
import fr.infocentre.warehouse.DoublonField;
import fr.infocentre.warehouse.DoublonGroup;
import fr.infocentre.warehouse.DoublonGuichet;
import fr.infocentre.warehouse.DoublonReport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The doublons potentiels of a département as an Excel workbook (nominative: for the gestionnaire's own work, never
 * for diffusion): sheet « Doublons », one row per demande, its group, its guichet and every compared field, the
 * fields that differ within its group in bold on a yellow ground and named in a column; sheet « Par guichet », the
 * count per guichet (indicator 16 of rapport 06); sheet « Notes ». Dates are texts (dd/mm/yyyy).
 */
final class DoublonXlsx {

    static final String SHEET_DEMANDES = "Doublons";
    static final String SHEET_GUICHETS = "Par guichet";
    static final String SHEET_NOTES = "Notes";

    byte[] bytes(DoublonReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream output = new ByteArrayOutputStream()) {
            BilanXlsx.Styles styles = new BilanXlsx.Styles(workbook);
            demandes(workbook.createSheet(SHEET_DEMANDES), report, styles);
            guichets(workbook.createSheet(SHEET_GUICHETS), report, styles);
            notes(workbook.createSheet(SHEET_NOTES), report, styles);
            workbook.getProperties().getCoreProperties().setTitle("Doublons potentiels – " + report.departement().name()
                    + " (" + report.departement().code() + ") – " + report.dataDate().format(BilanPack.DATE));
            workbook.getProperties().getCoreProperties().setCreator("Infocentre");
            workbook.write(output);
            return output.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void demandes(Sheet sheet, DoublonReport report, BilanXlsx.Styles styles) {
        int r = 0;
        XlsxStyles.text(sheet.createRow(r++), 0, "Doublons potentiels actifs – " + report.departement().name() + " ("
                + report.departement().code() + ")", styles.title);
        XlsxStyles.text(sheet.createRow(r++), 0, "Demandes actives le " + report.dataDate().format(BilanPack.DATE) + " : "
                + report.groupsTotal() + " groupe" + (report.groupsTotal() > 1 ? "s" : "") + ", " + report.demandesTotal()
                + " demande" + (report.demandesTotal() > 1 ? "s" : "") + (report.guichet() == null ? ""
                : " (groupes comptant une demande du guichet " + report.guichet().code() + ")")
                + (report.truncated() ? " ; liste limitée à " + report.demandesListed() + " demandes (groupes entiers)" : "")
                + ".", styles.text);
        XlsxStyles.text(sheet.createRow(r++), 0, "Données nominatives réservées aux gestionnaires habilités : ne pas"
                + " diffuser. Source : SNE, extraction du " + report.dataDate().format(BilanPack.DATE) + ".", styles.text);
        r++;
        List<DoublonField> fields = report.fields();
        Row header = sheet.createRow(r++);
        XlsxStyles.text(header, 0, "Groupe", styles.headerLabel);
        XlsxStyles.text(header, 1, "Identifiant du demandeur", styles.headerLabel);
        XlsxStyles.text(header, 2, "Numéro unique", styles.headerLabel);
        XlsxStyles.text(header, 3, "Libellé du guichet", styles.headerLabel);
        XlsxStyles.text(header, 4, "Champs qui diffèrent dans le groupe", styles.headerLabel);
        for (int j = 0; j < fields.size(); j++) {
            XlsxStyles.text(header, 5 + j, fields.get(j).label(), styles.headerLabel);
        }
        sheet.createFreezePane(3, r);
        int n = 0;
        for (DoublonGroup g : report.groups()) {
            n++;
            String differing = g.differing().stream().map(k -> fields.stream().filter(f -> f.key().equals(k)).findFirst()
                    .orElseThrow().label()).collect(Collectors.joining(", "));
            for (DoublonDemande d : g.demandes()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(n);
                XlsxStyles.text(row, 1, g.idDemandeur(), styles.text);
                XlsxStyles.text(row, 2, d.numeroUnique(), styles.text);
                XlsxStyles.text(row, 3, d.guichet().libelle() == null ? "" : d.guichet().libelle(), styles.text);
                XlsxStyles.text(row, 4, differing, styles.text);
                for (int j = 0; j < fields.size(); j++) {
                    Object v = d.value(fields.get(j).key());
                    boolean differs = g.differs(fields.get(j).key());
                    Cell cell = row.createCell(5 + j);
                    if (v instanceof Number num && !(v instanceof Double)) {
                        cell.setCellValue(num.longValue());
                    } else {
                        cell.setCellValue(DoublonRoutes.text(v));
                    }
                    cell.setCellStyle(differs ? styles.differing : styles.text);
                }
            }
        }
        sheet.setColumnWidth(0, 8 * 256);
        sheet.setColumnWidth(1, 22 * 256);
        sheet.setColumnWidth(2, 16 * 256);
        sheet.setColumnWidth(3, 24 * 256);
        sheet.setColumnWidth(4, 40 * 256);
        for (int j = 0; j < fields.size(); j++) {
            sheet.setColumnWidth(5 + j, 16 * 256);
        }
    }

    private static void guichets(Sheet sheet, DoublonReport report, BilanXlsx.Styles styles) {
        int r = 0;
        XlsxStyles.text(sheet.createRow(r++), 0, "Doublons potentiels par guichet – " + report.departement().name() + " ("
                + report.departement().code() + ") – " + report.dataDate().format(BilanPack.DATE), styles.title);
        r++;
        Row header = sheet.createRow(r++);
        List<String> titles = List.of("Guichet", "Libellé", "Département du guichet", "Dans les groupes du département",
                "Dans des groupes d'autres départements", "Total (rapport 06, indicateur 16)");
        for (int j = 0; j < titles.size(); j++) {
            XlsxStyles.text(header, j, titles.get(j), j < 3 ? styles.headerLabel : styles.headerNumber);
        }
        for (DoublonGuichet g : report.guichets()) {
            Row row = sheet.createRow(r++);
            XlsxStyles.text(row, 0, g.guichet().code(), styles.text);
            XlsxStyles.text(row, 1, g.guichet().libelle() == null ? "" : g.guichet().libelle(), styles.text);
            XlsxStyles.text(row, 2, g.guichet().departement() == null ? "" : g.guichet().departement(), styles.text);
            count(row, 3, g.inDepartement(), styles);
            if (g.ofDepartement()) {
                count(row, 4, g.inOtherDepartements(), styles);
                count(row, 5, g.indicator16(), styles);
            } else {
                XlsxStyles.text(row, 4, "guichet d'un autre département", styles.text);
            }
        }
        for (int j = 0; j < titles.size(); j++) {
            sheet.setColumnWidth(j, (j == 1 ? 30 : 20) * 256);
        }
    }

    private static void count(Row row, int column, long n, BilanXlsx.Styles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(n);
        cell.setCellStyle(styles.figures.count());
    }

    private static void notes(Sheet sheet, DoublonReport report, BilanXlsx.Styles styles) {
        int r = 0;
        XlsxStyles.text(sheet.createRow(r++), 0, SHEET_NOTES, styles.title);
        r++;
        boolean first = true;
        for (String note : report.notes()) {
            r = BilanXlsx.entry(sheet, r, first ? "Notes" : "", note, styles);
            first = false;
        }
        BilanXlsx.entry(sheet, r, "Fond jaune", "champ dont la valeur diffère entre les demandes du groupe", styles);
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    static String fileName(DoublonReport report, LocalDate day) {
        return "doublons-" + report.departement().code() + "-" + day + ".xlsx";
    }
}
