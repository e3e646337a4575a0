package fr.infocentre.etl.contract;

import java.util.List;

/**
 * One column of an extract file, as the contract (extract-format.md) describes it.
 *
 * @param name     column name in the header
 * @param kind     how it is checked and typed
 * @param required whether an empty value makes the row invalid
 * @param codes    the closed code list (CODE only, else empty)
 * @param min      lower bound (INTEGER only)
 * @param max      upper bound (INTEGER only)
 * @param announced (DATE only) a date the SNE may hold ahead of time (a guichet's announced opening or
 *                 closing), so not refused when later than the extraction date
 */
public record Field(String name, FieldKind kind, boolean required, List<String> codes, int min, int max,
                    boolean announced) {

    public static Field text(String name) {
        return new Field(name, FieldKind.TEXT, false, List.of(), 0, 0, false);
    }

    public static Field code(String name, List<String> codes) {
        return new Field(name, FieldKind.CODE, false, codes, 0, 0, false);
    }

    public static Field date(String name) {
        return new Field(name, FieldKind.DATE, false, List.of(), 0, 0, false);
    }

    public static Field bool(String name) {
        return new Field(name, FieldKind.BOOLEAN, false, List.of(), 0, 0, false);
    }

    public static Field integer(String name, int min, int max) {
        return new Field(name, FieldKind.INTEGER, false, List.of(), min, max, false);
    }

    /** The same field, but an empty value makes the row invalid. */
    public Field mandatory() {
        return new Field(name, kind, true, codes, min, max, announced);
    }

    /** The same date field, which may lie after the extraction date (announced ahead of time). */
    public Field announcedAhead() {
        return new Field(name, kind, required, codes, min, max, true);
    }
}
