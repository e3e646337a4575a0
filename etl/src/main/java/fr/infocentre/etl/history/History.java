package fr.infocentre.etl.history;

import fr.infocentre.warehouse.format.LoadJson;
import fr.infocentre.warehouse.format.ServedVersion;
import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the warehouse holds before a load: the version {@code CURRENT} names, whose tables the new
 * extract is merged into (docs/warehouse-format.md, "The weekly merge").
 */
public final class History {

    private final SparkSession spark;
    private final ServedVersion version;

    private History(SparkSession spark, ServedVersion version) {
        this.spark = spark;
        this.version = version;
    }

    /**
     * The version being served, or empty for a warehouse that serves none yet (no {@code CURRENT}).
     *
     * @throws fr.infocentre.warehouse.format.WarehouseFormatException when {@code CURRENT} exists but
     *         names no readable version of the supported format: the load must not guess
     */
    public static Optional<History> of(SparkSession spark, Path warehouse) {
        if (!Files.exists(WarehouseFormat.currentFile(warehouse))) {
            return Optional.empty();
        }
        return Optional.of(new History(spark, ServedVersion.read(warehouse)));
    }

    /** The version's name. */
    public String name() {
        return version.name();
    }

    /** What its load.json says. */
    public LoadJson load() {
        return version.load();
    }

    /** Its folder. */
    public Path folder() {
        return version.directory();
    }

    /** One of its tables. */
    public Dataset<Row> table(Table table) {
        return spark.read().parquet(version.table(table).toString());
    }
}
