package fr.infocentre.etl.contract;

/** How a field of the extract is checked and typed in the warehouse. */
public enum FieldKind {
    /** Free text, kept as a string. */
    TEXT,
    /** A value of a closed code list, kept as a string. */
    CODE,
    /** A date {@code yyyy-MM-dd}, typed as a date. */
    DATE,
    /** {@code 0} or {@code 1}, typed as a boolean. */
    BOOLEAN,
    /** A 32-bit integer within bounds, typed as an int. */
    INTEGER
}
