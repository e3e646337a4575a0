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
 */
public record Field(String name, FieldKind kind, boolean required, List<String> codes, int min, int max) {

    public static Field text(String name) {
        return new Field(name, FieldKind.TEXT, false, List.of(), 0, 0);
    }

    public static Field code(String name, List<String> codes) {
        return new Field(name, FieldKind.CODE, false, codes, 0, 0);
    }

    public static Field date(String name) {
        return new Field(name, FieldKind.DATE, false, List.of(), 0, 0);
    }

    public static Field bool(String name) {
        return new Field(name, FieldKind.BOOLEAN, false, List.of(), 0, 0);
    }

    public static Field integer(String name, int min, int max) {
        return new Field(name, FieldKind.INTEGER, false, List.of(), min, max);
    }

    /** The same field, but an empty value makes the row invalid. */
    public Field mandatory() {
        return new Field(name, kind, true, codes, min, max);
    }
}
