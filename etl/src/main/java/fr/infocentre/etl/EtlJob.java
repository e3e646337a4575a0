package fr.infocentre.etl;

import static org.apache.spark.sql.functions.col;

import fr.infocentre.etl.contract.ExtractFile;
import fr.infocentre.etl.extract.CsvSource;
import fr.infocentre.etl.extract.ExtractRefused;
import fr.infocentre.etl.extract.Manifest;
import fr.infocentre.etl.extract.ManifestCheck;
import fr.infocentre.etl.extract.ManifestCheck.CheckedExtract;
import fr.infocentre.etl.extract.ReadableCopies;
import fr.infocentre.etl.history.DemandeMerge;
import fr.infocentre.etl.history.ExtractSequence;
import fr.infocentre.etl.history.History;
import fr.infocentre.etl.history.KeptRows;
import fr.infocentre.etl.reference.Geography;
import fr.infocentre.etl.reference.Plafonds;
import fr.infocentre.etl.reference.ReferenceCsv;
import fr.infocentre.etl.reference.ReferenceTable;
import fr.infocentre.etl.transform.PeriodDerivation;
import fr.infocentre.etl.transform.TypedTables;
import fr.infocentre.etl.validation.FileValidation;
import fr.infocentre.etl.validation.ValidatedFile;
import fr.infocentre.etl.warehouse.ParquetRows;
import fr.infocentre.etl.warehouse.StagedVersion;
import fr.infocentre.etl.warehouse.WarehouseLock;
import fr.infocentre.warehouse.format.LoadJson;
import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import fr.infocentre.warehouse.format.WarehouseFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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
 * Merges one SNE extract into the warehouse's history as a new version (docs/warehouse-format.md,
 * "The weekly merge"): one load at a time ({@link WarehouseLock}), what an interrupted load left
 * swept, the extract checked against the history it follows ({@link ExtractSequence}) and against
 * its manifest, every row validated or quarantined, the demandes merged into their versions
 * ({@link DemandeMerge}), events, attributions, periods and guichets taken from the extract for
 * what it holds and kept from the history for the rest ({@link KeptRows}), every table written
 * aside, forced to disk, then {@code CURRENT} switched atomically and the oldest versions pruned.
 */
public final class EtlJob {

    /**
     * How a load runs.
     *
     * @param acceptance    what the operator accepts beyond the usual (narrower perimeter, rows lost)
     * @param versionsKept  versions kept after the switch, the one served included (≥ 1)
     * @param pauses        where to wait for the operator (tests of interrupted loads), empty for none
     * @param historyCompleteFrom the day from which the first extract holds every demande (its
     *                      millésimes start on the first 1 January on or after it); only for a
     *                      first load, later ones carry it over
     */
    public record Options(ExtractSequence.Acceptance acceptance, int versionsKept, LoadPauses pauses,
                          Optional<LocalDate> historyCompleteFrom) {

        public static final int DEFAULT_VERSIONS_KEPT = 4;

        public Options(ExtractSequence.Acceptance acceptance, int versionsKept, LoadPauses pauses) {
            this(acceptance, versionsKept, pauses, Optional.empty());
        }

        public static Options usual() {
            return new Options(ExtractSequence.Acceptance.usual(), DEFAULT_VERSIONS_KEPT, LoadPauses.none());
        }
    }

    private final SparkSession spark;
    private final Consumer<String> progress;
    private final Options options;

    private EtlJob(SparkSession spark, Consumer<String> progress, Options options) {
        this.spark = spark;
        this.progress = progress;
        this.options = options;
    }

    /**
     * Merges an extract into the warehouse (a new version, made current), with the usual options.
     *
     * @throws ExtractRefused when the extract must be refused as a whole (nothing is loaded)
     */
    public static LoadReport run(SparkSession spark, Path extractDir, Path warehouseDir) {
        return run(spark, extractDir, warehouseDir, step -> { }, Options.usual());
    }

    /** Same as {@link #run(SparkSession, Path, Path)}, reporting each step to {@code progress}. */
    public static LoadReport run(SparkSession spark, Path extractDir, Path warehouseDir, Consumer<String> progress,
                                 Options options) {
        try (WarehouseLock lock = WarehouseLock.acquire(warehouseDir, "loading " + extractDir.toAbsolutePath())) {
            List<String> swept = StagedVersion.sweep(warehouseDir);
            if (!swept.isEmpty()) {
                progress.accept("swept what interrupted loads left: " + swept);
            }
            return new EtlJob(spark, progress, options).load(extractDir, warehouseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("load of " + extractDir + " into " + warehouseDir + " failed", e);
        } catch (WarehouseFormatException e) {
            throw new ExtractRefused("the warehouse's version being served is unreadable (" + e.getMessage()
                    + "): nothing loaded, nothing changed", e);
        }
    }

    private LoadReport load(Path extractDir, Path warehouseDir) throws IOException {
        long start = System.nanoTime();
        Optional<History> history = History.of(spark, warehouseDir);
        Optional<LoadJson> last = history.map(History::load);
        Manifest manifest = Manifest.read(extractDir);
        if (history.isPresent() && options.historyCompleteFrom().isPresent()) {
            throw new ExtractRefused("--history-complete-from is declared at the first load only (the history of "
                    + warehouseDir + " is complete from " + history.get().load().historyCompleteFrom()
                    .map(Object::toString).orElse("the year of its earliest radiation") + ") — nothing loaded");
        }
        CheckedExtract extract = ManifestCheck.check(extractDir, manifest);
        if (ExtractSequence.check(manifest, last, options.acceptance()) == ExtractSequence.Verdict.ALREADY_LOADED) {
            progress.accept("extract of " + manifest.dateExtraction() + " already loaded (version "
                    + history.orElseThrow().name() + "): nothing changes");
            return LoadReport.alreadyLoaded(history.get().name(), manifest.dateExtraction(),
                    (System.nanoTime() - start) / 1e9);
        }
        progress.accept("manifest ok: extract of " + manifest.dateExtraction() + ", checksums and row counts match"
                + history.map(h -> "; merged into version " + h.name()).orElse("; first load"));
        Map<ExtractFile, ValidatedFile> validated = new EnumMap<>(ExtractFile.class);
        try (StagedVersion version = StagedVersion.create(warehouseDir, manifest.dateExtraction(), Instant.now());
             ReadableCopies copies = new ReadableCopies(
                     WarehouseFormat.stagingDir(warehouseDir, version.name() + "-extrait"))) {
            validate(extract, copies, ExtractFile.GUICHETS, Optional.empty(), validated);
            validate(extract, copies, ExtractFile.DEMANDES, Optional.empty(), validated);
            Dataset<Row> validDemandes = validated.get(ExtractFile.DEMANDES).valid();
            validate(extract, copies, ExtractFile.EVENEMENTS, Optional.of(validDemandes), validated);
            validate(extract, copies, ExtractFile.ATTRIBUTIONS, Optional.of(validDemandes), validated);

            Map<String, Long> written = new LinkedHashMap<>();
            Map<String, Map<String, Long>> merge = new LinkedHashMap<>();
            Dataset<Row> demandes = typed(validated, ExtractFile.DEMANDES, manifest);
            try (DemandeMerge merged = DemandeMerge.of(demandes, history, manifest.dateExtraction())) {
                write(version, Table.DEMANDES, merged.demandes(), written);
                write(version, Table.DEMANDES_VERSIONS, merged.versions(), written);
                Map<DemandeMerge.Status, Long> counts = merged.counts();
                merge.put(ExtractFile.DEMANDES.fileName(), demandeCounts(validated.get(ExtractFile.DEMANDES), counts));
            }
            Dataset<Row> evenements = typed(validated, ExtractFile.EVENEMENTS, manifest);
            writeMerged(version, Table.EVENEMENTS, evenements, demandes, "numero_unique", history, written);
            writeMerged(version, Table.PERIODES, PeriodDerivation.periods(evenements), demandes, "numero_unique",
                    history, written);
            writeMerged(version, Table.ATTRIBUTIONS, typed(validated, ExtractFile.ATTRIBUTIONS, manifest), demandes,
                    "numero_unique", history, written);
            Dataset<Row> guichets = typed(validated, ExtractFile.GUICHETS, manifest);
            writeMerged(version, Table.GUICHETS, guichets, guichets, "code_guichet", history, written);
            for (ExtractFile f : List.of(ExtractFile.EVENEMENTS, ExtractFile.ATTRIBUTIONS, ExtractFile.GUICHETS)) {
                merge.put(f.fileName(), keptCounts(validated.get(f), written.get(f.table().tableName()),
                        last.map(l -> l.rowsWritten().getOrDefault(f.table().tableName(), 0L)).orElse(0L)));
            }
            String referenceSha256 = writeReference(version, history, written);
            Map<String, Long> quarantined = new LinkedHashMap<>();
            List<Dataset<Row>> rejected = new ArrayList<>();
            validated.values().forEach(v -> {
                rejected.add(v.quarantine());
                quarantined.put(v.file().fileName(), v.quarantined());
            });
            Dataset<Row> quarantaine = rejected.stream().reduce(Dataset::unionAll).orElseThrow()
                    .coalesce(1).sortWithinPartitions(col("fichier"), col("ligne"));
            write(version, Table.QUARANTAINE, quarantaine, written);

            Map<String, LoadJson.FileDigest> files = new LinkedHashMap<>();
            manifest.declared().forEach((f, d) -> files.put(f.fileName(), new LoadJson.FileDigest(d.lignes(), d.sha256())));
            LoadJson.of(manifest.dateExtraction(), ExtractSequence.perimetreAfter(manifest, last), version.loadedAt(),
                    written, quarantined).withExtractFiles(files).withMerge(merge)
                    .withHistoryCompleteFrom(last.isPresent() ? last.get().historyCompleteFrom() : options.historyCompleteFrom())
                    .withReferenceSha256(referenceSha256).write(version.loadJsonFile());
            options.pauses().at("switch");
            version.publish();
            progress.accept("version " + version.name() + " is now " + WarehouseFormat.CURRENT);
            List<String> pruned = StagedVersion.prune(warehouseDir, options.versionsKept());
            if (!pruned.isEmpty()) {
                progress.accept("pruned versions " + pruned + " (the last " + options.versionsKept() + " are kept)");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new LoadReport(version.name(), manifest.dateExtraction(), false,
                    Collections.unmodifiableMap(written), Collections.unmodifiableMap(quarantined),
                    Collections.unmodifiableMap(merge), seconds);
        } finally {
            validated.values().forEach(ValidatedFile::release);
        }
    }

    private Dataset<Row> typed(Map<ExtractFile, ValidatedFile> validated, ExtractFile file, Manifest manifest) {
        return TypedTables.of(file, validated.get(file).valid(), manifest.dateExtraction());
    }

    private void validate(CheckedExtract extract, ReadableCopies copies, ExtractFile file,
                          Optional<Dataset<Row>> validDemandes, Map<ExtractFile, ValidatedFile> validated) {
        options.pauses().at("validate:" + file.fileName());
        ValidatedFile v = FileValidation.validate(CsvSource.read(spark, copies.readable(extract.files().get(file))),
                validDemandes, extract.manifest().dateExtraction());
        validated.put(file, v);
        progress.accept(file.fileName() + ": " + (v.validRows() + v.quarantined()) + " rows read, "
                + v.validRows() + " valid, " + v.quarantined() + " quarantined");
    }

    /** Writes the extract's rows of the keys it holds, and the history's rows of the others. */
    private void writeMerged(StagedVersion version, Table table, Dataset<Row> fromExtract, Dataset<Row> keys,
                             String key, Optional<History> history, Map<String, Long> written) {
        write(version, table, KeptRows.merge(fromExtract, keys, key, history, table), written);
    }

    private void write(StagedVersion version, Table table, Dataset<Row> rows, Map<String, Long> written) {
        options.pauses().at("write:" + table.tableName());
        rows.write().mode(SaveMode.ErrorIfExists).parquet(version.table(table).toString());
        long count = ParquetRows.count(version.table(table));
        written.put(table.tableName(), count);
        progress.accept("wrote " + table.tableName() + " (" + count + " rows)");
    }

    /**
     * The geography and plafonds tables: linked from the history's version when it was written from
     * the same reference copy, written from the copy otherwise.
     *
     * @return the digest of the reference copy
     */
    private String writeReference(StagedVersion version, Optional<History> history, Map<String, Long> written)
            throws IOException {
        String digest = ReferenceCsv.digest();
        Map<Table, ReferenceTable> reference = new LinkedHashMap<>(Geography.tables(spark));
        reference.putAll(Plafonds.tables(spark));
        if (history.isPresent() && history.get().load().referenceSha256().equals(Optional.of(digest))) {
            for (Table table : reference.keySet()) {
                options.pauses().at("write:" + table.tableName());
                version.link(table, history.get().folder());
                written.put(table.tableName(), history.get().load().rowsWritten().get(table.tableName()));
            }
            progress.accept("linked the reference tables " + reference.keySet() + " of version " + history.get().name());
            return digest;
        }
        for (Map.Entry<Table, ReferenceTable> ref : reference.entrySet()) {
            write(version, ref.getKey(), ref.getValue().rows(), written);
        }
        return digest;
    }

    /** demandes.csv: rows read, quarantined, and what became of the valid ones and of the history's. */
    private static Map<String, Long> demandeCounts(ValidatedFile v, Map<DemandeMerge.Status, Long> status) {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("lues", v.validRows() + v.quarantined());
        c.put("quarantaine", v.quarantined());
        c.put("nouvelles", status.get(DemandeMerge.Status.NOUVELLE));
        c.put("modifiees", status.get(DemandeMerge.Status.MODIFIEE));
        c.put("inchangees", status.get(DemandeMerge.Status.INCHANGEE));
        c.put("conservees", status.get(DemandeMerge.Status.CONSERVEE));
        return c;
    }

    /**
     * A file whose rows replace the history's for the keys the extract holds: rows read,
     * quarantined, valid (written), kept from the history, and the history's rows replaced.
     */
    private static Map<String, Long> keptCounts(ValidatedFile v, long written, long before) {
        long kept = written - v.validRows();
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("lues", v.validRows() + v.quarantined());
        c.put("quarantaine", v.quarantined());
        c.put("ecrites", v.validRows());
        c.put("conservees", kept);
        c.put("remplacees", before - kept);
        return c;
    }
}
