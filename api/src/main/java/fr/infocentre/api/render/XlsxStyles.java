package fr.infocentre.api.render;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.CsvCell;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.function.Consumer;

/**
 * The cell styles of the infocentre's workbooks (a rapport's table, the gestionnaire's bilan and
 * doublons, a list of demandes), created once per workbook, and the cells written with them: a text, a figure ("s"
 * when masked), a labelled note. A workbook needing more styles extends it.
 */
public class XlsxStyles {

    private static final float LINE_HEIGHT = 15f;

    /** The styles of a figure: a count, a decimal, a masked cell. */
    public record Figures(CellStyle count, CellStyle decimal, CellStyle mask) {
    }

    public final CellStyle title;
    public final CellStyle text;
    public final CellStyle wrapped;
    public final CellStyle headerLabel;
    public final CellStyle headerNumber;
    public final Figures figures;
    private final Workbook workbook;
    private final Font bold;

    public XlsxStyles(Workbook workbook) {
        this.workbook = workbook;
        bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
        text = workbook.createCellStyle();
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        headerLabel = workbook.createCellStyle();
        headerLabel.setFont(bold);
        headerLabel.setWrapText(true);
        headerLabel.setVerticalAlignment(VerticalAlignment.TOP);
        headerLabel.setBorderBottom(BorderStyle.THIN);
        headerLabel.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerLabel.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        headerNumber = workbook.createCellStyle();
        headerNumber.cloneStyleFrom(headerLabel);
        headerNumber.setAlignment(HorizontalAlignment.RIGHT);
        CellStyle count = workbook.createCellStyle();
        count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        CellStyle decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
        CellStyle mask = workbook.createCellStyle();
        mask.setAlignment(HorizontalAlignment.RIGHT);
        figures = new Figures(count, decimal, mask);
    }

    /** A new style: {@code base} in bold, then changed by {@code more} (a border, a fill). */
    public CellStyle bold(CellStyle base, Consumer<CellStyle> more) {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(base);
        style.setFont(bold);
        more.accept(style);
        return style;
    }

    /** The figures' styles in bold, each changed by {@code more}. */
    public Figures bold(Figures base, Consumer<CellStyle> more) {
        return new Figures(bold(base.count(), more), bold(base.decimal(), more), bold(base.mask(), more));
    }

    /** A fill of that colour, for {@link #bold}. */
    public static Consumer<CellStyle> filled(IndexedColors colour) {
        return style -> {
            style.setFillForegroundColor(colour.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        };
    }

    public static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A figure: "s" when masked, a number (a count an integer) when there is one, else an empty cell. */
    public static void figure(Row row, int column, Object value, Column.Type type, boolean masked, Figures styles) {
        if (masked) {
            text(row, column, CsvCell.MASKED, styles.mask());
        } else if (value instanceof Number n) {
            Cell cell = row.createCell(column);
            if (type == Column.Type.COUNT) {
                cell.setCellValue(n.longValue());
                cell.setCellStyle(styles.count());
            } else {
                cell.setCellValue(CsvCell.decimal(n).doubleValue());
                cell.setCellStyle(styles.decimal());
            }
        } else {
            row.createCell(column).setCellStyle(styles.count()); // a figure that does not exist
        }
    }

    /** A labelled text wrapped at {@code width} characters, its row as high as its lines; returns the next row. */
    public int entry(Sheet sheet, int r, String label, String value, int width) {
        Row row = sheet.createRow(r);
        text(row, 0, label, headerLabel);
        text(row, 1, value, wrapped);
        row.setHeightInPoints(Math.max(1, (value.length() + width - 1) / width) * LINE_HEIGHT);
        return r + 1;
    }
}
