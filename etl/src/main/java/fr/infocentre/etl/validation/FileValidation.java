package fr.infocentre.etl.validation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_csv;
import static org.apache.spark.sql.functions.when;

import fr.infocentre.etl.extract.ExtractRefused;
import fr.infocentre.etl.contract.ExtractFile;
import fr.infocentre.etl.extract.CsvSource;
import fr.infocentre.etl.extract.CsvSource.SourceRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * Validates every record of one extract file with Spark column expressions: a when/otherwise
 * chain computes each record's first error (field, reason, value) — malformed record, required
 * fields, types and code lists, cross-field rules — then duplicates of the file's key (first
 * occurrence kept) and, for events and attributions, the reference to a valid demande. The file
 * is scanned again here (its read is not cached), so the records validated are counted against
 * the manifest's count once more: a file changed since the manifest check is refused.
 */
public final class FileValidation {

    private static final String ERROR = "_erreur";
    private static final String REF = "_demande_valide";

    private FileValidation() {
    }

    /**
     * Validates a file's records.
     *
     * @param source        the records read
     * @param validDemandes for events and attributions: {@code numero_unique} of the valid demandes
     */
    public static ValidatedFile validate(SourceRows source, Optional<Dataset<Row>> validDemandes) {
        ExtractFile file = source.file().file();
        Dataset<Row> rows = source.rows().withColumn(ERROR, firstError(checks(file)));
        if (file.uniqueKey().isPresent()) {
            rows = rows.withColumn(ERROR, duplicate(file.uniqueKey().get()));
        }
        if (validDemandes.isPresent()) {
            Dataset<Row> refs = validDemandes.get().select(col("numero_unique").as(REF));
            rows = rows.join(refs, rows.col("numero_unique").equalTo(refs.col(REF)), "left")
                    .withColumn(ERROR, unknownDemande())
                    .drop(REF);
        }
        Dataset<Row> checked = rows.persist(StorageLevel.MEMORY_AND_DISK());
        Map<Boolean, Long> counts = new java.util.HashMap<>();
        for (Row r : checked.groupBy(col(ERROR).isNull()).count().collectAsList()) {
            counts.put(r.getBoolean(0), r.getLong(1));
        }
        long read = counts.values().stream().mapToLong(Long::longValue).sum();
        if (read != source.file().rows()) {
            checked.unpersist();
            throw new ExtractRefused(file.fileName() + ": " + read + " records validated where " + source.file().rows()
                    + " were counted — the file changed during the load; nothing loaded");
        }
        Dataset<Row> valid = checked.filter(col(ERROR).isNull()).drop(ERROR, CsvSource.CORRUPT);
        Dataset<Row> quarantine = checked.filter(col(ERROR).isNotNull()).select(
                lit(file.fileName()).as("fichier"),
                col(CsvSource.LIGNE).cast("long").as("ligne"),
                col(ERROR + ".champ").as("champ"),
                col(ERROR + ".motif").as("motif"),
                col(ERROR + ".valeur").as("valeur"),
                coalesce(col(CsvSource.CORRUPT), record(source.columns())).as("enregistrement"));
        return new ValidatedFile(file, checked, valid, quarantine,
                counts.getOrDefault(true, 0L), counts.getOrDefault(false, 0L));
    }

    private static List<Check> checks(ExtractFile file) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("(enregistrement)", col(CsvSource.CORRUPT).isNotNull(),
                lit("nombre de champs différent de l'en-tête"), lit(null)));
        checks.addAll(FieldChecks.of(file.fields()));
        checks.addAll(switch (file) {
            case GUICHETS -> GuichetRules.checks();
            case DEMANDES -> DemandeRules.checks();
            case EVENEMENTS -> EvenementRules.checks();
            case ATTRIBUTIONS -> AttributionRules.checks();
        });
        return checks;
    }

    /** The first failing check as a struct (champ, motif, valeur), null when the record is valid. */
    private static Column firstError(List<Check> checks) {
        Column error = null;
        for (Check c : checks) {
            Column e = error(lit(c.champ()), c.motif(), c.valeur());
            error = error == null ? when(c.invalid(), e) : error.when(c.invalid(), e);
        }
        return error;
    }

    private static Column error(Column champ, Column motif, Column valeur) {
        return struct(champ.as("champ"), motif.as("motif"), valeur.cast("string").as("valeur"));
    }

    private static Column duplicate(String key) {
        Column first = min(col(CsvSource.LIGNE)).over(Window.partitionBy(col(key)));
        return when(col(ERROR).isNull().and(col(key).isNotNull()).and(col(CsvSource.LIGNE).gt(first)),
                error(lit(key), concat(lit("doublon : " + key + " déjà présent ligne "), first.cast("string")),
                        col(key)))
                .otherwise(col(ERROR));
    }

    private static Column unknownDemande() {
        return when(col(ERROR).isNull().and(col(REF).isNull()),
                error(lit("numero_unique"),
                        concat(lit("demande inconnue ou rejetée '"), col("numero_unique"), lit("'")),
                        col("numero_unique")))
                .otherwise(col(ERROR));
    }

    /** The whole record re-serialised as {@code ;}-separated CSV, columns in the file's order. */
    private static Column record(List<String> columns) {
        return to_csv(struct(columns.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new)),
                Map.of("sep", ";"));
    }
}
