package fr.infocentre.etl.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import fr.infocentre.etl.extract.CheckedFile;
import fr.infocentre.etl.extract.CsvSource;
import fr.infocentre.etl.extract.FileScan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The first checks of a file: the records {@link FileScan} found faulty. An oversized record,
 * which Spark read as a placeholder ({@link fr.infocentre.etl.extract.ReadableCopies}), is
 * quarantined with its first characters; a record holding bytes that are not UTF-8, which Spark
 * read with U+FFFD in their place, is quarantined naming the field and the byte offset. What the
 * scan noted is looked up by record number in literal maps (a file has at most
 * {@link FileScan#MAX_FAULTS} of them); a file without any gets no check.
 */
final class FaultyRecordChecks {

    private static final String RECORD = "(enregistrement)";

    private FaultyRecordChecks() {
    }

    /**
     * @param columns the Spark names of the file's columns, in the file's order
     */
    static List<Check> of(CheckedFile file, List<String> columns) {
        List<Check> checks = new ArrayList<>();
        if (!file.oversized().isEmpty()) {
            checks.add(oversized(file));
        }
        if (!file.invalidUtf8().isEmpty()) {
            checks.add(invalidUtf8(file, columns));
        }
        return checks;
    }

    /** The first characters of an oversized record, which Spark never read; null for the others. */
    static Column enregistrement(CheckedFile file) {
        Map<Long, String> heads = new LinkedHashMap<>();
        file.oversized().forEach(o -> heads.put(o.ligne(), o.head()));
        return lookup(heads);
    }

    private static Check oversized(CheckedFile file) {
        Map<Long, String> champ = new LinkedHashMap<>();
        Map<Long, String> motif = new LinkedHashMap<>();
        Map<Long, String> valeur = new LinkedHashMap<>();
        for (FileScan.OversizedRecord o : file.oversized()) {
            boolean tooManyFields = o.fields() > FileScan.MAX_FIELDS;
            String field = tooManyFields || o.longest() >= file.header().size() ? RECORD : file.header().get(o.longest());
            List<String> sizes = new ArrayList<>();
            if (tooManyFields) {
                sizes.add(o.fields() + " champs (au plus " + FileScan.MAX_FIELDS + ")");
            }
            if (o.bytes() > FileScan.MAX_RECORD_BYTES) {
                sizes.add(o.bytes() + " octets (au plus " + FileScan.MAX_RECORD_BYTES + ")"
                        + (field.equals(RECORD) ? "" : ", dont " + o.longestBytes() + " pour " + field));
            }
            champ.put(o.ligne(), field);
            motif.put(o.ligne(), "enregistrement de " + String.join(" et de ", sizes) + " : non lu");
            if (!field.equals(RECORD)) {
                valeur.put(o.ligne(), o.longestHead());
            }
        }
        return new Check(lookup(champ), isAny(motif), lookup(motif), lookup(valeur));
    }

    private static Check invalidUtf8(CheckedFile file, List<String> columns) {
        Map<Long, String> champ = new LinkedHashMap<>();
        Map<Long, String> motif = new LinkedHashMap<>();
        Map<Long, Integer> field = new LinkedHashMap<>();
        for (FileScan.InvalidUtf8 u : file.invalidUtf8()) {
            boolean known = u.field() < file.header().size();
            champ.put(u.ligne(), known ? file.header().get(u.field()) : RECORD);
            motif.put(u.ligne(), "octets invalides en UTF-8 à l'octet " + u.offset() + " du fichier (lus comme \uFFFD)");
            if (known) {
                field.put(u.ligne(), u.field());
            }
        }
        Column index = lookup(field);
        Column valeur = lit(null).cast("string");
        for (int i : field.values().stream().distinct().toList()) {
            valeur = when(index.equalTo(lit(i)), col("`" + columns.get(i) + "`")).otherwise(valeur);
        }
        return new Check(lookup(champ), isAny(motif), lookup(motif), valeur);
    }

    /** True for the records a map has an entry for. */
    private static Column isAny(Map<Long, ?> byLigne) {
        return col(CsvSource.LIGNE).isin(byLigne.keySet().toArray());
    }

    /** The value a map holds for the record, null when none. */
    private static Column lookup(Map<Long, ?> byLigne) {
        if (byLigne.isEmpty()) {
            return lit(null).cast("string");
        }
        List<Column> entries = new ArrayList<>();
        byLigne.forEach((ligne, value) -> {
            entries.add(lit(ligne));
            entries.add(lit(value));
        });
        return try_element_at(functions.map(entries.toArray(Column[]::new)), col(CsvSource.LIGNE));
    }
}
