package fr.infocentre.api;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rapport table read back from an XLSX download with POI, as a spreadsheet shows it: the sheets, the
 * texts above the table, its header (the row whose cells are the JSON « colonnes » labels), its lines up
 * to the first empty row, the texts of the other sheets, and what makes no sense (a formula, a number
 * outside the table's lines, a text that looks like a figure outside them, an unreadable file).
 */
record XlsxTable(List<String> sheets, List<String> heading, int headerRow, List<Line> lines, List<String> texts,
                 Sheet table, List<String> inconsistencies) {

    private static final Pattern FIGURE = Pattern.compile("-?[0-9][0-9\\s\u00a0\u202f]*([.,][0-9]+)?");

    /** One line of the table: its cells, column by column. */
    record Line(int row, List<Read> cells) {
        String label() {
            return cells.get(0).text();
        }
    }

    /**
     * One cell as published: its text ("s", "" for an empty cell, the figure's plain digits for a number),
     * the number when it is one, its number format and whether it is bold.
     */
    record Read(String text, BigDecimal number, String format, boolean bold) {
    }

    static XlsxTable read(byte[] bytes, List<String> labels) {
        List<String> inconsistencies = new ArrayList<>();
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return new XlsxTable(List.of(), List.of(), -1, List.of(), List.of(), null, List.of("unreadable XLSX: " + e));
        }
        List<String> sheets = new ArrayList<>();
        workbook.forEach(s -> sheets.add(s.getSheetName()));
        Sheet sheet = workbook.getSheetAt(0);
        int header = -1;
        for (Row row : sheet) {
            if (labels.equals(texts(row, labels.size()))) {
                header = row.getRowNum();
                break;
            }
        }
        List<String> heading = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        if (header < 0) {
            inconsistencies.add("no row of sheet « " + sheet.getSheetName() + " » holds the JSON colonnes " + labels);
        }
        int end = header;
        if (header >= 0) {
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || texts(row, Math.max(labels.size(), row.getLastCellNum())).stream().allMatch(String::isEmpty)) {
                    break;
                }
                List<Read> cells = new ArrayList<>();
                for (int j = 0; j < labels.size(); j++) {
                    cells.add(read(row.getCell(j)));
                }
                for (int j = labels.size(); j < row.getLastCellNum(); j++) {
                    if (!read(row.getCell(j)).text().isEmpty()) {
                        inconsistencies.add("row " + (r + 1) + ": a cell beyond the " + labels.size() + " columns");
                    }
                }
                lines.add(new Line(r, cells));
                end = r;
            }
        }
        for (Sheet s : workbook) {
            for (Row row : s) {
                boolean inTable = s == sheet && header >= 0 && row.getRowNum() > header && row.getRowNum() <= end;
                for (Cell cell : row) {
                    String where = "sheet « " + s.getSheetName() + " » cell " + cell.getAddress();
                    if (cell.getCellType() == CellType.FORMULA) {
                        inconsistencies.add(where + ": a formula");
                        continue;
                    }
                    if (inTable || s == sheet && row.getRowNum() == header) {
                        continue;
                    }
                    Read read = read(cell);
                    if (read.number() != null) {
                        inconsistencies.add(where + ": a number outside the table's lines: " + read.text());
                    } else if (FIGURE.matcher(read.text()).matches()) {
                        inconsistencies.add(where + ": a figure as text outside the table's lines: " + read.text());
                    } else if (!read.text().isEmpty()) {
                        (s == sheet && (header < 0 || row.getRowNum() < header) ? heading : texts).add(read.text());
                    }
                }
            }
        }
        return new XlsxTable(sheets, heading, header, lines, texts, sheet, inconsistencies);
    }

    /** The row frozen at the top (the rows above it stay in view), -1 when none is. */
    int frozenRows() {
        PaneInformation pane = table.getPaneInformation();
        return pane == null || !pane.isFreezePane() ? -1 : pane.getHorizontalSplitPosition();
    }

    private static List<String> texts(Row row, int n) {
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            texts.add(read(row.getCell(j)).text());
        }
        return texts;
    }

    static Read read(Cell cell) {
        if (cell == null) {
            return new Read("", null, "", false);
        }
        String format = cell.getCellStyle().getDataFormatString();
        boolean bold = cell.getSheet().getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getBold();
        return switch (cell.getCellType()) {
            case NUMERIC -> {
                BigDecimal n = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
                yield new Read(n.toPlainString(), n, format, bold);
            }
            case STRING -> new Read(cell.getStringCellValue(), null, format, bold);
            case BLANK -> new Read("", null, format, bold);
            default -> new Read(cell.toString(), null, format, bold);
        };
    }
}
