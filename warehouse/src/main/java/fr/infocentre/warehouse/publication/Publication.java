package fr.infocentre.warehouse.publication;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;


import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Publishes a millésime as open data: every public rapport of the catalogue for every territory
 * of every level it is published at, computed through the {@link Warehouse} interface (hence
 * protected by the secret statistique, and limited to the public series: a restricted rapport is
 * never published), written into a folder of the release being built ({@link fr.infocentre.warehouse.release.ReleasePublisher}):
 * <ul>
 *   <li>{@code <rapport>/<level>.json}: the level's head (rapport, serie, titre, description,
 *       niveau, annee, territoires) and "tables", one per territory in code order, each in the
 *       API's shape;</li>
 *   <li>{@code <rapport>/<level>.csv}: one record per territory × category (see {@link LevelCsv});</li>
 *   <li>{@code index.json}: the rapports, levels, files and counts of tables (no timestamp: the
 *       same warehouse gives the same bytes).</li>
 * </ul>
 * The folder must be new: the release writes it aside and switches it in once complete and audited.
 */
public final class Publication {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /**
     * @param millesime     the millésime
     * @param rapports      the rapports to publish (ids), empty for the whole catalogue
     * @param levels        the levels to publish, empty for all
     */
    public record Options(int millesime, List<String> rapports, List<Level> levels) {
        public Options {
            rapports = List.copyOf(rapports);
            levels = List.copyOf(levels);
        }

        public static Options all(int millesime) {
            return new Options(millesime, List.of(), List.of());
        }
    }

    /** What was published: rapports, tables written, the folder and the time taken. */
    public record Summary(int rapports, long tables, Path folder, double seconds) {
    }

    private Publication() {
    }

    /**
     * @throws InvalidRequest for a year the data does not cover or an unknown (or restricted) rapport
     */
    public static Summary publish(Warehouse warehouse, Path folder, Options options, PrintStream progressOut) {
        return publish(warehouse, folder, options, progressOut, warehouse::computeLevels);
    }

    /**
     * Where the protected tables of a rapport come from: for the rapport, every territory of each
     * level asked, level after level, territories in the order of {@link Warehouse#territoires}
     * (what {@link Warehouse#computeLevels} hands over).
     */
    @FunctionalInterface
    public interface TableSource {
        void tables(String rapportId, List<Level> levels, int millesime, Consumer<RapportTable> output);
    }

    /** As {@link #publish(Warehouse, Path, Options, PrintStream)}, the tables taken from {@code source}. */
    public static Summary publish(Warehouse warehouse, Path folder, Options options, PrintStream progressOut,
                                  TableSource source) {
        if (!warehouse.millesimes().contains(options.millesime())) {
            throw new InvalidRequest(InvalidRequest.Cause.YEAR_NOT_COVERED, "Année " + options.millesime()
                    + " non couverte par les données (années couvertes : " + warehouse.millesimes().stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        List<Rapport> rapports = rapports(warehouse, options);
        Map<Level, List<Territoire>> territoires = new EnumMap<>(Level.class);
        for (Level n : Level.values()) {
            territoires.put(n, warehouse.territoires(n));
        }
        Progress progress = new Progress(progressOut);
        try {
            Files.createDirectories(folder);
            List<Map<String, Object>> index = new ArrayList<>();
            int rank = 0;
            for (Rapport r : rapports) {
                rank++;
                List<Level> levels = r.levels().stream()
                        .filter(n -> options.levels().isEmpty() || options.levels().contains(n)).toList();
                long start = System.nanoTime();
                Map<Level, Integer> tables = publishRapport(source, folder, r, levels, territoires, options,
                        rank, rapports.size(), progress);
                progress.rapportDone(rank, rapports.size(), r.id(), tables, (System.nanoTime() - start) / 1e9);
                List<Map<String, Object>> byLevel = new ArrayList<>();
                for (Level level : levels) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("niveau", level.key());
                    entry.put("territoires", territoires.get(level).size());
                    entry.put("tables", tables.get(level));
                    entry.put("json", r.id() + "/" + level.key() + ".json");
                    entry.put("csv", r.id() + "/" + level.key() + ".csv");
                    byLevel.add(entry);
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", r.id());
                entry.put("serie", r.series());
                entry.put("titre", r.title());
                entry.put("tables", tables.values().stream().mapToLong(Integer::longValue).sum());
                entry.put("niveaux", byLevel);
                index.add(entry);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("annee", options.millesime());
            Map<String, Object> byLevel = new LinkedHashMap<>();
            territoires.forEach((n, l) -> byLevel.put(n.key(), l.size()));
            doc.put("territoires", byLevel);
            doc.put("rapports", index);
            doc.put("tables", progress.tables());
            JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("index.json").toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the publication into " + folder, e);
        }
        return new Summary(rapports.size(), progress.tables(), folder, progress.seconds());
    }

    /**
     * The rapports the options name, in their order, or the whole public catalogue.
     *
     * @throws InvalidRequest for an unknown (or restricted) rapport
     */
    public static List<Rapport> rapports(Warehouse warehouse, Options options) {
        List<String> ids = options.rapports();
        if (ids.isEmpty()) {
            return warehouse.catalogue();
        }
        List<Rapport> chosen = new ArrayList<>();
        for (String id : ids) {
            chosen.add(warehouse.rapport(id).orElseThrow(() -> new InvalidRequest(
                    InvalidRequest.Cause.UNKNOWN_RAPPORT, "Rapport inconnu : " + id)));
        }
        return chosen;
    }

    /**
     * Writes the rapport's JSON and CSV files, one pair per level; returns the number of tables
     * of each level (one per territory, checked).
     */
    private static Map<Level, Integer> publishRapport(TableSource source, Path folder, Rapport r,
                                                       List<Level> levels, Map<Level, List<Territoire>> territoires,
                                                       Options options, int rank, int rapports,
                                                       Progress progress) throws IOException {
        Path base = folder.resolve(r.id());
        Files.createDirectories(base);
        Map<Level, LevelFiles> files = new EnumMap<>(Level.class);
        try {
            for (Level level : levels) {
                files.put(level, new LevelFiles(base, r, level, options.millesime(), territoires.get(level)));
            }
            Consumer<RapportTable> write = table -> {
                LevelFiles f = files.get(table.territoire().level());
                if (f == null) {
                    throw new IllegalStateException(r.id() + ": got a table of an unexpected level " + table.territoire());
                }
                try {
                    f.write(table);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.table(rank, rapports, r.id(), f.level, f.done, f.territoires.size());
            };
            source.tables(r.id(), levels, options.millesime(), write);
            Map<Level, Integer> tables = new EnumMap<>(Level.class);
            for (LevelFiles f : files.values()) {
                f.finish();
                tables.put(f.level, f.done);
            }
            return tables;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (LevelFiles f : files.values()) {
                f.close();
            }
        }
    }

    /** The JSON and CSV files of one rapport at one level, being written. */
    private static final class LevelFiles implements AutoCloseable {

        final Level level;
        final List<Territoire> territoires;
        private final String rapport;
        private final CountingOutputStream output;
        private final JsonGenerator json;
        private final TableOffsets.Writer offsets;
        private final Writer csvOutput;
        private LevelCsv csv;
        int done;

        LevelFiles(Path base, Rapport r, Level level, int millesime, List<Territoire> territoires) throws IOException {
            this.level = level;
            this.territoires = territoires;
            this.rapport = r.id();
            this.output = new CountingOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(base.resolve(level.key() + ".json")), 1 << 16));
            this.json = JSON.getFactory().createGenerator(output, JsonEncoding.UTF8);
            this.offsets = new TableOffsets.Writer(base.resolve(level.key() + TableOffsets.SUFFIX));
            this.csvOutput = Files.newBufferedWriter(base.resolve(level.key() + ".csv"), StandardCharsets.UTF_8);
            json.writeStartObject();
            for (Map.Entry<String, Object> e : LevelFileHeader.header(r, level, millesime, territoires.size()).entrySet()) {
                json.writeFieldName(e.getKey());
                JSON.writeValue(json, e.getValue());
            }
            json.writeArrayFieldStart("tables");
        }

        /** Writes the next territory's table (they come in the order of the level's territories). */
        void write(RapportTable table) throws IOException {
            Territoire expected = done < territoires.size() ? territoires.get(done) : null;
            if (!table.territoire().equals(expected)) {
                throw new IllegalStateException(rapport + " " + level.key() + ": got a table for "
                        + table.territoire() + ", expected " + expected);
            }
            json.flush();
            long start = output.count() + (done == 0 ? 0 : 1); // the comma before a table that is not the first
            JSON.writeValue(json, table.document());
            json.flush();
            offsets.add(table.territoire().code(), start, output.count() - start);
            if (csv == null) {
                csv = new LevelCsv(csvOutput, table.columns());
            }
            csv.write(table);
            done++;
        }

        /** Checks that every territory has its table and ends the JSON document. */
        void finish() throws IOException {
            if (done != territoires.size()) {
                throw new IllegalStateException(rapport + " " + level.key() + ": " + done + " tables for "
                        + territoires.size() + " territories");
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            try (offsets) {
                json.close();
            } finally {
                if (csv != null) {
                    csv.close();
                } else {
                    csvOutput.close();
                }
            }
        }
    }
}
