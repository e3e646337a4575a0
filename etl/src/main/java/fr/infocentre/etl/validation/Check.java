package fr.infocentre.etl.validation;

import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * One validation rule as Spark columns: a row is invalid for it when {@code invalid} is true
 * (null counts as valid); {@code motif} says why in plain French and {@code valeur} is the
 * offending value as read.
 *
 * @param champ   the field (or pair of fields, {@code a/b}) found invalid
 * @param invalid true when the row breaks the rule
 * @param motif   why, in plain words
 * @param valeur  the offending value
 */
public record Check(Column champ, Column invalid, Column motif, Column valeur) {

    /** A rule about a field named in advance. */
    public Check(String champ, Column invalid, Column motif, Column valeur) {
        this(lit(champ), invalid, motif, valeur);
    }
}
