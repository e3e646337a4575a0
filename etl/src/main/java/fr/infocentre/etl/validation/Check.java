package fr.infocentre.etl.validation;

import org.apache.spark.sql.Column;

/**
 * One validation rule as Spark columns: a row is invalid for it when {@code invalid} is true
 * (null counts as valid); {@code motif} says why in plain French and {@code valeur} is the
 * offending value as read.
 *
 * @param field   the field (or pair of fields, {@code a/b}) found invalid
 * @param invalid true when the row breaks the rule
 * @param motif   why, in plain words
 * @param value   the offending value
 */
public record Check(String champ, Column invalid, Column motif, Column valeur) {
}
