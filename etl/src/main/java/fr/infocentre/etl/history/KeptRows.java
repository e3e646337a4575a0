package fr.infocentre.etl.history;

import fr.infocentre.warehouse.format.Table;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows of a table after a merge, when the extract gives the whole of what it holds of a key:
 * its events, attributions and activity periods for each demande it holds, each guichet it lists.
 * The extract's rows replace the history's for those keys (so a row is never counted twice, and a
 * row the SNE corrected is taken as corrected); the history's rows of the other keys — demandes the
 * SNE purged, guichets it no longer lists — are kept as they were.
 */
public final class KeptRows {

    private KeptRows() {
    }

    /**
     * @param fromExtract the extract's rows, typed as {@code table}
     * @param keys        the keys the extract holds (one column, {@code key})
     */
    public static Dataset<Row> merge(Dataset<Row> fromExtract, Dataset<Row> keys, String key, Optional<History> history,
                                     Table table) {
        return history.map(h -> fromExtract.unionByName(h.table(table).join(keys.select(key), key, "left_anti")))
                .orElse(fromExtract);
    }
}
