package fr.infocentre.api;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.Scope;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads a semestrial bilan back (PDFBox text extraction, POI) and checks every number of its workbook against the
 * exact figures: the key figures and the doublons worked out by hand ({@code attendus-doublons-bilan.md}, sections 3
 * and 4, of the extract "doublons"), rapport 06 against its exact (restricted) version. A count shown is the exact
 * one and never from 1 to 10; a rate, a mean or a change shown is the exact one; every numeric cell of the workbook
 * is one of those checked.
 */
final class BilanChecks {

    static final List<String> LINES = List.of("Demandes actives au début du semestre", "Nouvelles demandes", "Réactivations",
            "Radiations pour attribution (baux signés)", "Radiations pour renonciation", "Radiations pour absence de réponse",
            "Radiations pour irrecevabilité", "Radiations pour non-renouvellement", "Radiations pour fusion",
            "Demandes actives à la fin du semestre");
    /** The exact key figures of the Alpes-Maritimes by semester label (attendus, section 3), in the order of LINES. */
    static final Map<String, long[]> EXACT = new LinkedHashMap<>();
    /** The doublons per guichet (B06001, B06002, C06003, département) on each semester's last day (section 4). */
    static final Map<String, long[]> DOUBLONS = new LinkedHashMap<>();

    static {
        EXACT.put("1er semestre 2024", new long[]{72, 15, 0, 12, 0, 0, 0, 0, 0, 75});
        EXACT.put("2e semestre 2024", new long[]{75, 12, 0, 0, 0, 1, 0, 3, 0, 83});
        EXACT.put("1er semestre 2025", new long[]{83, 14, 1, 13, 3, 0, 0, 0, 0, 82});
        DOUBLONS.put("1er semestre 2024", new long[]{3, 3, 2, 8});
        DOUBLONS.put("2e semestre 2024", new long[]{3, 3, 2, 8});
        DOUBLONS.put("1er semestre 2025", new long[]{12, 2, 2, 16});
    }

    private BilanChecks() {
    }

    /** The PDF's text, pages in order. */
    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Workbook workbook(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks every number of the bilan's workbook for the Alpes-Maritimes and that semester; returns how many numbers
     * it holds (all of them checked).
     */
    static int checkWorkbook(byte[] xlsx, String semester, RestrictedWarehouse warehouse, Integer rapport06Year) {
        try (Workbook workbook = workbook(xlsx)) {
            Set<Cell> checked = new HashSet<>();
            keyFigures(workbook.getSheet("Chiffres clés"), semester, checked);
            if (rapport06Year != null) {
                ActivityTable exact = warehouse.activity().rapport06(Scope.departement("06"), Period.year(rapport06Year));
                rapport06(workbook.getSheet("Rapport 06"), exact, checked);
                signales(workbook.getSheet("Guichets signalés"), exact, checked);
            } else {
                assertTrue(text(workbook.getSheet("Rapport 06")).contains("n'est pas couverte par les données"));
            }
            doublons(workbook.getSheet("Doublons"), semester, checked);
            int numbers = 0;
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.NUMERIC) {
                            numbers++;
                            assertTrue(checked.contains(cell), "a number not checked: sheet « " + sheet.getSheetName()
                                    + " », " + cell.getAddress() + " = " + cell.getNumericCellValue());
                        }
                        assertFalse(cell.getCellType() == CellType.FORMULA, "no formula");
                    }
                }
            }
            return numbers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keyFigures(Sheet sheet, String semester, Set<Cell> checked) {
        Row header = headerRow(sheet, "Chiffre clé");
        Map<Integer, String> semesterOf = new LinkedHashMap<>();
        Map<Integer, String> change = new LinkedHashMap<>();
        for (Cell c : header) {
            String label = c.getStringCellValue();
            if (label.startsWith("Évolution")) {
                change.put(c.getColumnIndex(), label);
            } else if (c.getColumnIndex() > 0) {
                semesterOf.put(c.getColumnIndex(), label.replace(" (un an avant)", ""));
            }
        }
        assertEquals(semester, semesterOf.get(1), "the first column is the semester's");
        for (int i = 0; i < LINES.size(); i++) {
            Row row = sheet.getRow(header.getRowNum() + 1 + i);
            assertEquals(LINES.get(i), row.getCell(0).getStringCellValue());
            Map<String, Long> shown = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> col : semesterOf.entrySet()) {
                long exact = EXACT.get(col.getValue())[i];
                Cell cell = row.getCell(col.getKey());
                String what = LINES.get(i) + ", " + col.getValue();
                if (cell.getCellType() == CellType.NUMERIC) {
                    assertEquals(exact, (long) cell.getNumericCellValue(), what);
                    assertFalse(exact >= 1 && exact <= 10, "a count from 1 to 10 shown: " + what);
                    shown.put(col.getValue(), exact);
                    checked.add(cell);
                } else {
                    assertEquals("s", cell.getStringCellValue(), what);
                }
            }
            for (Map.Entry<Integer, String> col : change.entrySet()) {
                Cell cell = row.getCell(col.getKey());
                String reference = semesterOf.get(col.getValue().contains("un an") ? 3 : 2);
                Long now = shown.get(semester);
                Long before = shown.get(reference);
                if (now == null || before == null) {
                    assertEquals("s", cell.getStringCellValue(), "a change of a masked count is masked: " + LINES.get(i));
                } else if (before == 0) {
                    assertTrue(cell.getCellType() == CellType.BLANK, "no change from 0: " + LINES.get(i));
                } else {
                    double expected = BigDecimal.valueOf((now - before) * 100).divide(BigDecimal.valueOf(before), 1,
                            RoundingMode.HALF_UP).doubleValue();
                    assertEquals(expected, cell.getNumericCellValue(), 1e-9, LINES.get(i) + " " + col.getValue());
                    checked.add(cell);
                }
            }
        }
    }

    private static void rapport06(Sheet sheet, ActivityTable exact, Set<Cell> checked) {
        Row header = headerRow(sheet, "Guichet");
        List<Indicator> indicators = exact.indicators();
        int rows = 0;
        for (int r = header.getRowNum() + 1; sheet.getRow(r) != null && sheet.getRow(r).getCell(2) != null; r++) {
            Row row = sheet.getRow(r);
            String code = row.getCell(0).getStringCellValue();
            ActivityRow reference = code.startsWith("Département ")
                    ? exact.reference(ActivityRow.Kind.DEPARTEMENT, code.substring("Département ".length())).orElseThrow()
                    : exact.guichet(code).orElse(null);
            for (int j = 0; j < indicators.size(); j++) {
                Indicator i = indicators.get(j);
                Cell cell = row.getCell(j + 2);
                Object value = reference == null ? (i.type() == Column.Type.COUNT ? 0L : null) : reference.value(i.key());
                String what = code + " " + i.key();
                if (cell.getCellType() == CellType.NUMERIC) {
                    assertNotNull(value, what);
                    assertEquals(((Number) value).doubleValue(), cell.getNumericCellValue(), 1e-9, what);
                    if (i.type() == Column.Type.COUNT) {
                        long n = (long) cell.getNumericCellValue();
                        assertFalse(n >= 1 && n <= 10, "a count from 1 to 10 shown: " + what);
                    }
                    checked.add(cell);
                } else if (cell.getCellType() == CellType.STRING) {
                    assertEquals("s", cell.getStringCellValue(), what);
                } else {
                    assertEquals(null, value, "empty: a figure that does not exist, " + what);
                }
            }
            rows++;
        }
        assertEquals(4, rows, "the three guichets of 06 and the département's line");
    }

    private static void signales(Sheet sheet, ActivityTable exact, Set<Cell> checked) {
        Row header = headerRowOrNull(sheet, "Guichet");
        if (header == null) {
            return;
        }
        for (int r = header.getRowNum() + 1; sheet.getRow(r) != null; r++) {
            Row row = sheet.getRow(r);
            ActivityRow g = exact.guichet(row.getCell(0).getStringCellValue()).orElseThrow();
            Indicator i = exact.indicators().stream().filter(x -> x.label().equals(row.getCell(2).getStringCellValue()))
                    .findFirst().orElseThrow();
            assertTrue(g.flagged(i.key()), "flagged in the exact version too: " + g.code() + " " + i.key());
            Cell cell = row.getCell(3);
            assertEquals(((Number) g.value(i.key())).doubleValue(), cell.getNumericCellValue(), 1e-9);
            if (i.type() == Column.Type.COUNT) {
                assertFalse(cell.getNumericCellValue() >= 1 && cell.getNumericCellValue() <= 10);
            }
            checked.add(cell);
        }
    }

    private static void doublons(Sheet sheet, String semester, Set<Cell> checked) {
        Row header = headerRow(sheet, "Guichet");
        List<String> codes = List.of("B06001", "B06002", "C06003", "Département 06");
        long[] exact = DOUBLONS.get(semester);
        for (int k = 0; k < codes.size(); k++) {
            Row row = sheet.getRow(header.getRowNum() + 1 + k);
            assertEquals(codes.get(k), row.getCell(0).getStringCellValue());
            Cell cell = row.getCell(2);
            if (cell.getCellType() == CellType.NUMERIC) {
                assertEquals(exact[k], (long) cell.getNumericCellValue(), codes.get(k));
                assertFalse(exact[k] >= 1 && exact[k] <= 10, codes.get(k));
                checked.add(cell);
            } else {
                assertEquals("s", cell.getStringCellValue(), codes.get(k));
            }
        }
        assertEquals(null, sheet.getRow(header.getRowNum() + 1 + codes.size()), "three guichets and the département");
    }

    private static Row headerRow(Sheet sheet, String first) {
        Row row = headerRowOrNull(sheet, first);
        if (row == null) {
            throw new AssertionError("no header row « " + first + " » in sheet " + sheet.getSheetName());
        }
        return row;
    }

    private static Row headerRowOrNull(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(first)) {
                return row;
            }
        }
        return null;
    }

    /** Every text of a sheet, one cell a line. */
    static String text(Sheet sheet) {
        StringBuilder s = new StringBuilder();
        for (Row row : sheet) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING) {
                    s.append(c.getStringCellValue()).append('\n');
                }
            }
        }
        return s.toString();
    }
}
