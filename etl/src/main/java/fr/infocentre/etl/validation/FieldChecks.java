package fr.infocentre.etl.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import fr.infocentre.etl.contract.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The checks a field's declaration implies: presence when required, then its type, code list and
 * bounds; a date may not be later than the extract's date (nothing the SNE holds happened after
 * it was extracted), but for a date it may hold ahead of time (a guichet's announced opening or
 * closing).
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** Required-field checks for every field, then type checks for every field, in column order. */
    public static List<Check> of(List<Field> fields, LocalDate dateExtraction) {
        List<Check> checks = new ArrayList<>();
        for (Field f : fields) {
            if (f.required()) {
                checks.add(new Check(f.name(), col(f.name()).isNull(), lit("champ obligatoire vide"), lit(null)));
            }
        }
        for (Field f : fields) {
            checks.addAll(typeChecks(f, dateExtraction));
        }
        return checks;
    }

    private static List<Check> typeChecks(Field f, LocalDate dateExtraction) {
        String name = f.name();
        Column value = col(name);
        return switch (f.kind()) {
            case TEXT -> List.of();
            case CODE -> List.of(new Check(name, Columns.notIn(name, f.codes()),
                    concat(lit("code inconnu '"), value, lit("' pour " + name)), value));
            case DATE -> List.of(
                    new Check(name, Columns.malformed(name, Columns.date(name)),
                            concat(lit("date invalide '"), value, lit("' (attendu aaaa-mm-jj)")), value),
                    new Check(name, lit(!f.announced()).and(Columns.date(name).gt(lit(dateExtraction))),
                            concat(lit(name + " "), value, lit(" postérieure à la date d'extraction " + dateExtraction)),
                            value));
            case BOOLEAN -> List.of(new Check(name, Columns.malformed(name, Columns.bool(name)),
                    concat(lit("booléen invalide '"), value, lit("' (attendu 0 ou 1)")), value));
            case INTEGER -> List.of(
                    new Check(name, Columns.malformed(name, Columns.integer(name)),
                            concat(lit("entier invalide '"), value, lit("'")), value),
                    new Check(name, Columns.integer(name).lt(f.min()),
                            concat(lit("valeur "), value, lit(" inférieure au minimum " + f.min() + " pour " + name)),
                            value),
                    new Check(name, Columns.integer(name).gt(f.max()),
                            concat(lit("valeur "), value, lit(" supérieure au maximum " + f.max() + " pour " + name)),
                            value));
        };
    }
}
