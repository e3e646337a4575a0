package fr.infocentre.etl;

import fr.infocentre.etl.extract.ExtractRefused;
import static org.apache.spark.sql.functions.col;

import fr.infocentre.etl.contract.ExtractFile;
import fr.infocentre.etl.extract.CsvSource;
import fr.infocentre.etl.extract.ManifestCheck;
import fr.infocentre.etl.extract.ManifestCheck.CheckedExtract;
import fr.infocentre.etl.reference.Geography;
import fr.infocentre.etl.reference.Plafonds;
import fr.infocentre.etl.reference.ReferenceTable;
import fr.infocentre.etl.transform.DemandeVersions;
import fr.infocentre.etl.transform.PeriodDerivation;
import fr.infocentre.etl.transform.TypedTables;
import fr.infocentre.etl.validation.FileValidation;
import fr.infocentre.etl.validation.ValidatedFile;
import fr.infocentre.etl.warehouse.StagedVersion;
import fr.infocentre.warehouse.format.LoadJson;
import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Loads one SNE extract folder into a new warehouse version (docs/warehouse-format.md):
 * manifest check, read and validate every row of the four files, write the typed tables, the
 * derived periods, the geography and the quarantine, then switch {@code CURRENT} atomically.
 */
public final class EtlJob {

    private final SparkSession spark;
    private final Consumer<String> progress;

    private EtlJob(SparkSession spark, Consumer<String> progress) {
        this.spark = spark;
        this.progress = progress;
    }

    /**
     * Loads an extract into a new version of the warehouse and makes it current.
     *
     * @throws ExtractRefused when the extract must be refused as a whole (nothing is loaded)
     */
    public static LoadReport run(SparkSession spark, Path extractDir, Path warehouseDir) {
        return run(spark, extractDir, warehouseDir, step -> { });
    }

    /** Same as {@link #run(SparkSession, Path, Path)}, reporting each step to {@code progress}. */
    public static LoadReport run(SparkSession spark, Path extractDir, Path warehouseDir, Consumer<String> progress) {
        try {
            return new EtlJob(spark, progress).load(extractDir, warehouseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("load of " + extractDir + " into " + warehouseDir + " failed", e);
        }
    }

    private LoadReport load(Path extractDir, Path warehouseDir) throws IOException {
        long start = System.nanoTime();
        CheckedExtract extract = ManifestCheck.check(extractDir);
        progress.accept("manifest ok: extract of " + extract.manifest().dateExtraction() + ", checksums and row counts match");
        Map<ExtractFile, ValidatedFile> validated = new EnumMap<>(ExtractFile.class);
        try (StagedVersion version = StagedVersion.create(warehouseDir, extract.manifest().dateExtraction(), Instant.now())) {
            validate(extract, ExtractFile.GUICHETS, Optional.empty(), validated);
            validate(extract, ExtractFile.DEMANDES, Optional.empty(), validated);
            Optional<Dataset<Row>> demandes = Optional.of(validated.get(ExtractFile.DEMANDES).valid());
            validate(extract, ExtractFile.EVENEMENTS, demandes, validated);
            validate(extract, ExtractFile.ATTRIBUTIONS, demandes, validated);

            Map<String, Long> written = new LinkedHashMap<>();
            Map<String, Long> quarantined = new LinkedHashMap<>();
            for (ValidatedFile v : validated.values()) {
                Dataset<Row> table = TypedTables.of(v.file(), v.valid(), extract.manifest().dateExtraction());
                write(version, v.file().table(), table);
                written.put(v.file().table().tableName(), v.validRows());
                quarantined.put(v.file().fileName(), v.quarantined());
                if (v.file() == ExtractFile.DEMANDES) {
                    write(version, Table.DEMANDES_VERSIONS, DemandeVersions.fromSingleExtract(table));
                    written.put(Table.DEMANDES_VERSIONS.tableName(), v.validRows());
                }
                if (v.file() == ExtractFile.EVENEMENTS) {
                    write(version, Table.PERIODES, PeriodDerivation.periods(table));
                    written.put(Table.PERIODES.tableName(), count(version, Table.PERIODES));
                }
            }
            Map<Table, ReferenceTable> reference = new LinkedHashMap<>(Geography.tables(spark));
            reference.putAll(Plafonds.tables(spark));
            for (Map.Entry<Table, ReferenceTable> ref : reference.entrySet()) {
                write(version, ref.getKey(), ref.getValue().rows());
                written.put(ref.getKey().tableName(), ref.getValue().count());
            }
            List<Dataset<Row>> rejected = new ArrayList<>();
            validated.values().forEach(v -> rejected.add(v.quarantine()));
            Dataset<Row> quarantaine = rejected.stream().reduce(Dataset::unionAll).orElseThrow()
                    .coalesce(1).sortWithinPartitions(col("fichier"), col("ligne"));
            write(version, Table.QUARANTAINE, quarantaine);
            written.put(Table.QUARANTAINE.tableName(), quarantined.values().stream().mapToLong(Long::longValue).sum());

            LoadJson.of(extract.manifest().dateExtraction(), extract.manifest().perimetre(), version.loadedAt(),
                    written, quarantined).write(version.loadJsonFile());
            version.publish();
            progress.accept("version " + version.name() + " is now " + WarehouseFormat.CURRENT);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new LoadReport(version.name(), extract.manifest().dateExtraction(),
                    Collections.unmodifiableMap(written), Collections.unmodifiableMap(quarantined), seconds);
        } finally {
            validated.values().forEach(ValidatedFile::release);
        }
    }

    private void validate(CheckedExtract extract, ExtractFile file, Optional<Dataset<Row>> validDemandes,
                          Map<ExtractFile, ValidatedFile> validated) {
        ValidatedFile v = FileValidation.validate(CsvSource.read(spark, extract.files().get(file)), validDemandes);
        validated.put(file, v);
        progress.accept(file.fileName() + ": " + (v.validRows() + v.quarantined()) + " rows read, "
                + v.validRows() + " valid, " + v.quarantined() + " quarantined");
    }

    private void write(StagedVersion version, Table table, Dataset<Row> rows) {
        rows.write().mode(SaveMode.ErrorIfExists).parquet(version.table(table).toString());
        progress.accept("wrote " + table.tableName());
    }

    /** Rows of a table just written (from the Parquet footers). */
    private long count(StagedVersion version, Table table) {
        return spark.read().parquet(version.table(table).toString()).count();
    }
}
