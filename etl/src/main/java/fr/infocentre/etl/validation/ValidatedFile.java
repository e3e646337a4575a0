package fr.infocentre.etl.validation;

import fr.infocentre.etl.contract.ExtractFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A validated extract file: its valid records (string columns plus {@code ligne}) and its
 * quarantined ones (rows of the quarantaine table). Every record read is in exactly one of them.
 *
 * @param file        which file
 * @param checked     the persisted validation result both derive from
 * @param valid       valid records
 * @param quarantine  rejected records, as quarantaine rows
 * @param validRows   number of valid records
 * @param quarantined number of rejected records
 */
public record ValidatedFile(ExtractFile file, Dataset<Row> checked, Dataset<Row> valid, Dataset<Row> quarantine,
                            long validRows, long quarantined) {

    /** Frees the persisted validation result once the tables are written. */
    public void release() {
        checked.unpersist();
    }
}
