package fr.infocentre.etl;

import static org.apache.spark.sql.functions.col;

import fr.infocentre.etl.contract.ExtractFile;
import fr.infocentre.etl.extract.CsvSource;
import fr.infocentre.etl.extract.ManifestCheck;
import fr.infocentre.etl.extract.ManifestCheck.CheckedExtract;
import fr.infocentre.etl.reference.Geography;
import fr.infocentre.etl.reference.Plafonds;
import fr.infocentre.etl.transform.DemandeVersions;
import fr.infocentre.etl.transform.PeriodDerivation;
import fr.infocentre.etl.transform.TypedTables;
import fr.infocentre.etl.validation.FileValidation;
import fr.infocentre.etl.validation.ValidatedFile;
import fr.infocentre.etl.warehouse.LoadJson;
import fr.infocentre.etl.warehouse.StagedVersion;
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
                written.put(v.file().table(), v.validRows());
                quarantined.put(v.file().fileName(), v.quarantined());
                if (v.file() == ExtractFile.DEMANDES) {
                    write(version, DemandeVersions.TABLE, DemandeVersions.fromSingleExtract(table));
                    written.put(DemandeVersions.TABLE, v.validRows());
                }
                if (v.file() == ExtractFile.EVENEMENTS) {
                    write(version, "periodes", PeriodDerivation.periods(table));
                    written.put("periodes", count(version, "periodes"));
                }
            }
            Map<String, Geography.Table> reference = new LinkedHashMap<>(Geography.tables(spark));
            reference.putAll(Plafonds.tables(spark));
            for (Map.Entry<String, Geography.Table> geo : reference.entrySet()) {
                write(version, geo.getKey(), geo.getValue().rows());
                written.put(geo.getKey(), geo.getValue().count());
            }
            List<Dataset<Row>> rejected = new ArrayList<>();
            validated.values().forEach(v -> rejected.add(v.quarantine()));
            Dataset<Row> quarantaine = rejected.stream().reduce(Dataset::unionAll).orElseThrow()
                    .coalesce(1).sortWithinPartitions(col("fichier"), col("ligne"));
            write(version, "quarantaine", quarantaine);
            written.put("quarantaine", quarantined.values().stream().mapToLong(Long::longValue).sum());

            LoadJson.write(version.resolve(LoadJson.FILE_NAME), extract.manifest(), version.loadedAt(),
                    written, quarantined);
            version.publish();
            progress.accept("version " + version.name() + " is now CURRENT");
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

    private void write(StagedVersion version, String table, Dataset<Row> rows) {
        rows.write().mode(SaveMode.ErrorIfExists).parquet(version.resolve(table).toString());
        progress.accept("wrote " + table);
    }

    /** Rows of a table just written (from the Parquet footers). */
    private long count(StagedVersion version, String table) {
        return spark.read().parquet(version.resolve(table).toString()).count();
    }
}
