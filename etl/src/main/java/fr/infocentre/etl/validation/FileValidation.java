package fr.infocentre.etl.validation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_csv;
import static org.apache.spark.sql.functions.when;

import fr.infocentre.etl.extract.ExtractRefused;
import fr.infocentre.etl.contract.ExtractFile;
import fr.infocentre.etl.extract.CsvSource;
import fr.infocentre.etl.extract.CsvSource.SourceRows;
import fr.infocentre.etl.extract.FileScan;
import java.time.LocalDate;
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
 * chain computes each record's first error (field, reason, value) — faulty record (invalid UTF-8,
 * oversized), malformed record, required fields, types, code lists and dates, cross-field rules —
 * then duplicates of the file's key (first occurrence kept) and, for events and attributions, the
 * demande they refer to ({@link DemandeReference}). The file is scanned again here (its read is not
 * cached), so the records validated are counted against the manifest's count once more: a file
 * changed since the manifest check is refused. A quarantined value or record is cut at
 * {@link FileScan#HEAD_CHARS} characters, then marked {@code …}.
 */
public final class FileValidation {

    private static final String ERROR = "_erreur";

    private FileValidation() {
    }

    /**
     * Validates a file's records.
     *
     * @param source         the records read
     * @param validDemandes  for events and attributions: the valid demandes ({@code numero_unique}, {@code date_depot})
     * @param dateExtraction the extract's date, which no date may pass
     */
    public static ValidatedFile validate(SourceRows source, Optional<Dataset<Row>> validDemandes,
                                         LocalDate dateExtraction) {
        ExtractFile file = source.file().file();
        Dataset<Row> rows = source.rows().withColumn(ERROR, firstError(checks(source, dateExtraction)));
        if (file.uniqueKey().isPresent()) {
            rows = rows.withColumn(ERROR, orElse(List.of(duplicate(file.uniqueKey().get()))));
        }
        if (validDemandes.isPresent()) {
            rows = DemandeReference.drop(DemandeReference.join(rows, validDemandes.get())
                    .withColumn(ERROR, orElse(DemandeReference.checks(file))));
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
                cut(col(ERROR + ".valeur")).as("valeur"),
                cut(coalesce(FaultyRecordChecks.enregistrement(source.file()), col(CsvSource.CORRUPT),
                        record(source.columns()))).as("enregistrement"));
        return new ValidatedFile(file, checked, valid, quarantine,
                counts.getOrDefault(true, 0L), counts.getOrDefault(false, 0L));
    }

    private static List<Check> checks(SourceRows source, LocalDate dateExtraction) {
        ExtractFile file = source.file().file();
        List<Check> checks = new ArrayList<>(FaultyRecordChecks.of(source.file(), source.columns()));
        checks.add(new Check("(enregistrement)", col(CsvSource.CORRUPT).isNotNull(),
                lit("nombre de champs différent de l'en-tête"), lit(null)));
        checks.addAll(FieldChecks.of(file.fields(), dateExtraction));
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
            Column e = struct(c.champ().as("champ"), c.motif().as("motif"), c.valeur().cast("string").as("valeur"));
            error = error == null ? when(c.invalid(), e) : error.when(c.invalid(), e);
        }
        return error;
    }

    /** The record's error so far or, when it has none, the first of these checks it fails. */
    private static Column orElse(List<Check> checks) {
        return coalesce(col(ERROR), firstError(checks));
    }

    /** A record whose key an earlier record of the file already holds. */
    private static Check duplicate(String key) {
        Column first = min(col(CsvSource.LIGNE)).over(Window.partitionBy(col(key)));
        return new Check(key, col(key).isNotNull().and(col(CsvSource.LIGNE).gt(first)),
                concat(lit("doublon : " + key + " déjà présent ligne "), first.cast("string")), col(key));
    }

    /** The text cut at {@link FileScan#HEAD_CHARS} characters, {@code …} marking the cut. */
    private static Column cut(Column text) {
        return when(length(text).gt(FileScan.HEAD_CHARS),
                concat(substring(text, 1, FileScan.HEAD_CHARS), lit("…"))).otherwise(text);
    }

    /** The whole record re-serialised as {@code ;}-separated CSV, columns in the file's order. */
    private static Column record(List<String> columns) {
        return to_csv(struct(columns.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new)),
                Map.of("sep", ";"));
    }
}
