package fr.infocentre.etl.history;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import fr.infocentre.etl.transform.DemandeVersions;
import fr.infocentre.warehouse.format.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Merges the demandes of an extract of date t into the history (docs/warehouse-format.md, "The
 * weekly merge"): each demande of the extract is new, changed (an attribute differs, null-safe,
 * from its open version) or unchanged; a demande of the history absent from the extract (purged by
 * the SNE, or quarantined this time) is kept as it was. {@code demandes} holds each demande's
 * latest row; {@code demandes_versions} closes the open version of a changed demande at t and
 * opens a new one from t, and never rewrites a closed version.
 */
public final class DemandeMerge implements AutoCloseable {

    /** What became of each demande, one row per demande of the extract or of the history. */
    public enum Status { NOUVELLE, MODIFIEE, INCHANGEE, CONSERVEE }

    private static final String KEY = "numero_unique";
    private static final String STATUS = "_statut";

    private final Dataset<Row> demandes;
    private final Dataset<Row> versions;
    private final Dataset<Row> status;

    private DemandeMerge(Dataset<Row> demandes, Dataset<Row> versions, Dataset<Row> status) {
        this.demandes = demandes;
        this.versions = versions;
        this.status = status;
    }

    /**
     * @param extract the extract's valid demandes, typed as the {@code demandes} table
     * @param history the warehouse before the load, empty for a first load
     * @param date    the extract's date, t
     */
    public static DemandeMerge of(Dataset<Row> extract, Optional<History> history, LocalDate date) {
        if (history.isEmpty()) {
            Dataset<Row> status = extract.select(col(KEY), lit(Status.NOUVELLE.name()).as(STATUS));
            return new DemandeMerge(extract, DemandeVersions.fromSingleExtract(extract), status);
        }
        Dataset<Row> before = history.get().table(Table.DEMANDES_VERSIONS);
        Dataset<Row> open = before.filter(col("valide_au").isNull());
        List<String> attributes = Arrays.stream(extract.columns())
                .filter(c -> !c.equals(KEY) && !c.equals("date_extraction")).toList();
        Column same = lit(true);
        for (String a : attributes) {
            same = same.and(open.col(a).eqNullSafe(extract.col(a)));
        }
        Dataset<Row> status = open.join(extract, open.col(KEY).equalTo(extract.col(KEY)), "full_outer")
                .select(coalesce(open.col(KEY), extract.col(KEY)).as(KEY),
                        when(open.col(KEY).isNull(), Status.NOUVELLE.name())
                                .when(extract.col(KEY).isNull(), Status.CONSERVEE.name())
                                .when(same, Status.INCHANGEE.name())
                                .otherwise(Status.MODIFIEE.name()).as(STATUS))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> opened = status.filter(col(STATUS).isin(Status.NOUVELLE.name(), Status.MODIFIEE.name()));
        Dataset<Row> added = DemandeVersions.opening(extract.join(opened, KEY), List.of(extract.columns()),
                col(STATUS).equalTo(Status.NOUVELLE.name()));
        Dataset<Row> closing = open.join(status, KEY)
                .withColumn("valide_au", when(col(STATUS).equalTo(Status.MODIFIEE.name()), lit(date))
                        .otherwise(col("valide_au")));
        Column[] layout = Arrays.stream(before.columns()).map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> versions = before.filter(col("valide_au").isNotNull())
                .unionByName(closing.select(layout))
                .unionByName(added.select(layout));
        Dataset<Row> kept = history.get().table(Table.DEMANDES).join(extract.select(KEY), KEY, "left_anti");
        return new DemandeMerge(extract.unionByName(kept), versions, status);
    }

    /** Every demande's latest row: the extract's, or the history's for a demande the extract lacks. */
    public Dataset<Row> demandes() {
        return demandes;
    }

    /** Every version of every demande. */
    public Dataset<Row> versions() {
        return versions;
    }

    /** How many demandes of each status (one pass). */
    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        for (Row r : status.groupBy(STATUS).count().collectAsList()) {
            counts.put(Status.valueOf(r.getString(0)), r.getLong(1));
        }
        return counts;
    }

    @Override
    public void close() {
        status.unpersist();
    }
}
