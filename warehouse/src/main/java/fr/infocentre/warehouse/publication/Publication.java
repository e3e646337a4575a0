package fr.infocentre.warehouse.publication;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.infocentre.warehouse.Niveau;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.RequeteInvalide;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Publishes a millésime as open data: every rapport of the catalogue for every territory of
 * every level it is published at, computed through the {@link Warehouse} interface (hence
 * protected by the secret statistique), written to {@code <out>/<annee>/}:
 * <ul>
 *   <li>{@code <rapport>/<niveau>.json}: the level's head (rapport, serie, titre, description,
 *       niveau, annee, territoires) and "tables", one per territory in code order, each in the
 *       API's shape;</li>
 *   <li>{@code <rapport>/<niveau>.csv}: one record per territory × category (see {@link CsvNiveau});</li>
 *   <li>{@code index.json}: the rapports, levels, files and counts of tables (no timestamp: the
 *       same warehouse gives the same bytes).</li>
 * </ul>
 * The year's folder is written aside and switched in at the end: an interrupted publication
 * leaves the previous one in place.
 */
public final class Publication {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /**
     * @param annee          the millésime
     * @param rapports       the rapports to publish (ids), empty for the whole catalogue
     * @param niveaux        the levels to publish, empty for all
     * @param parTerritoire  compute territory by territory ({@link Warehouse#calculer}) instead of
     *                       level by level ({@link Warehouse#calculerNiveau}): same tables, slower
     *                       (kept to measure and to cross-check)
     */
    public record Options(int annee, List<String> rapports, List<Niveau> niveaux, boolean parTerritoire) {
        public Options {
            rapports = List.copyOf(rapports);
            niveaux = List.copyOf(niveaux);
        }

        public static Options tout(int annee) {
            return new Options(annee, List.of(), List.of(), false);
        }
    }

    /** What was published: rapports, tables written, the year's folder and the time taken. */
    public record Resume(int rapports, long tables, Path dossier, double secondes) {
    }

    private Publication() {
    }

    /**
     * @throws RequeteInvalide for a year the data does not cover or an unknown rapport
     */
    public static Resume publier(Warehouse warehouse, Path out, Options options, PrintStream progres) {
        if (!warehouse.annees().contains(options.annee())) {
            throw new RequeteInvalide(RequeteInvalide.Cause.ANNEE_NON_COUVERTE, "Année " + options.annee()
                    + " non couverte par les données (années couvertes : " + warehouse.annees().stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        List<Rapport> rapports = rapports(warehouse, options.rapports());
        Map<Niveau, List<Territoire>> territoires = new EnumMap<>(Niveau.class);
        for (Niveau n : Niveau.values()) {
            territoires.put(n, warehouse.territoires(n));
        }
        Path dossier = out.resolve(String.valueOf(options.annee()));
        Path partiel = out.resolve("." + options.annee() + ".partiel");
        Progression progression = new Progression(progres);
        try {
            supprimer(partiel);
            Files.createDirectories(partiel);
            List<Map<String, Object>> index = new ArrayList<>();
            int rang = 0;
            for (Rapport r : rapports) {
                rang++;
                List<Niveau> niveaux = r.niveaux().stream()
                        .filter(n -> options.niveaux().isEmpty() || options.niveaux().contains(n)).toList();
                long debut = System.nanoTime();
                Map<Niveau, Integer> tables = publierRapport(warehouse, partiel, r, niveaux, territoires, options,
                        rang, rapports.size(), progression);
                progression.rapportFait(rang, rapports.size(), r.id(), tables, (System.nanoTime() - debut) / 1e9);
                List<Map<String, Object>> parNiveau = new ArrayList<>();
                for (Niveau niveau : niveaux) {
                    Map<String, Object> entree = new LinkedHashMap<>();
                    entree.put("niveau", niveau.cle());
                    entree.put("territoires", territoires.get(niveau).size());
                    entree.put("tables", tables.get(niveau));
                    entree.put("json", r.id() + "/" + niveau.cle() + ".json");
                    entree.put("csv", r.id() + "/" + niveau.cle() + ".csv");
                    parNiveau.add(entree);
                }
                Map<String, Object> entree = new LinkedHashMap<>();
                entree.put("id", r.id());
                entree.put("serie", r.serie());
                entree.put("titre", r.titre());
                entree.put("tables", tables.values().stream().mapToLong(Integer::longValue).sum());
                entree.put("niveaux", parNiveau);
                index.add(entree);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("annee", options.annee());
            Map<String, Object> parNiveau = new LinkedHashMap<>();
            territoires.forEach((n, l) -> parNiveau.put(n.cle(), l.size()));
            doc.put("territoires", parNiveau);
            doc.put("rapports", index);
            doc.put("tables", progression.tables());
            JSON.writerWithDefaultPrettyPrinter().writeValue(partiel.resolve("index.json").toFile(), doc);
            basculer(partiel, dossier);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the publication into " + partiel, e);
        }
        return new Resume(rapports.size(), progression.tables(), dossier, progression.secondes());
    }

    private static List<Rapport> rapports(Warehouse warehouse, List<String> ids) {
        if (ids.isEmpty()) {
            return warehouse.catalogue();
        }
        List<Rapport> choisis = new ArrayList<>();
        for (String id : ids) {
            choisis.add(warehouse.rapport(id).orElseThrow(() -> new RequeteInvalide(
                    RequeteInvalide.Cause.RAPPORT_INCONNU, "Rapport inconnu : " + id)));
        }
        return choisis;
    }

    /**
     * Writes the rapport's JSON and CSV files, one pair per level; returns the number of tables
     * of each level (one per territory, checked).
     */
    private static Map<Niveau, Integer> publierRapport(Warehouse warehouse, Path dossier, Rapport r,
                                                       List<Niveau> niveaux, Map<Niveau, List<Territoire>> territoires,
                                                       Options options, int rang, int rapports,
                                                       Progression progression) throws IOException {
        Path base = dossier.resolve(r.id());
        Files.createDirectories(base);
        Map<Niveau, FichiersNiveau> fichiers = new EnumMap<>(Niveau.class);
        try {
            for (Niveau niveau : niveaux) {
                fichiers.put(niveau, new FichiersNiveau(base, r, niveau, options.annee(), territoires.get(niveau)));
            }
            Consumer<RapportTable> ecrire = table -> {
                FichiersNiveau f = fichiers.get(table.territoire().niveau());
                if (f == null) {
                    throw new IllegalStateException(r.id() + ": got a table of an unexpected level " + table.territoire());
                }
                try {
                    f.ecrire(table);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progression.table(rang, rapports, r.id(), f.niveau, f.faites, f.territoires.size());
            };
            if (options.parTerritoire()) {
                for (Niveau niveau : niveaux) {
                    for (Territoire t : territoires.get(niveau)) {
                        ecrire.accept(warehouse.calculer(r.id(), niveau, t.code(), options.annee()));
                    }
                }
            } else {
                warehouse.calculerNiveaux(r.id(), niveaux, options.annee(), ecrire);
            }
            Map<Niveau, Integer> tables = new EnumMap<>(Niveau.class);
            for (FichiersNiveau f : fichiers.values()) {
                f.terminer();
                tables.put(f.niveau, f.faites);
            }
            return tables;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (FichiersNiveau f : fichiers.values()) {
                f.close();
            }
        }
    }

    /** The JSON and CSV files of one rapport at one level, being written. */
    private static final class FichiersNiveau implements AutoCloseable {

        final Niveau niveau;
        final List<Territoire> territoires;
        private final String rapport;
        private final JsonGenerator json;
        private final Writer csvSortie;
        private CsvNiveau csv;
        int faites;

        FichiersNiveau(Path base, Rapport r, Niveau niveau, int annee, List<Territoire> territoires) throws IOException {
            this.niveau = niveau;
            this.territoires = territoires;
            this.rapport = r.id();
            OutputStream sortie = new BufferedOutputStream(Files.newOutputStream(base.resolve(niveau.cle() + ".json")),
                    1 << 16);
            this.json = JSON.getFactory().createGenerator(sortie, JsonEncoding.UTF8);
            this.csvSortie = Files.newBufferedWriter(base.resolve(niveau.cle() + ".csv"), StandardCharsets.UTF_8);
            json.writeStartObject();
            for (Map.Entry<String, Object> e : Documents.entete(r, niveau, annee, territoires.size()).entrySet()) {
                json.writeFieldName(e.getKey());
                JSON.writeValue(json, e.getValue());
            }
            json.writeArrayFieldStart("tables");
        }

        /** Writes the next territory's table (they come in the order of the level's territories). */
        void ecrire(RapportTable table) throws IOException {
            Territoire attendu = faites < territoires.size() ? territoires.get(faites) : null;
            if (!table.territoire().equals(attendu)) {
                throw new IllegalStateException(rapport + " " + niveau.cle() + ": got a table for "
                        + table.territoire() + ", expected " + attendu);
            }
            JSON.writeValue(json, table.document());
            if (csv == null) {
                csv = new CsvNiveau(csvSortie, table.colonnes());
            }
            csv.ecrire(table);
            faites++;
        }

        /** Checks that every territory has its table and ends the JSON document. */
        void terminer() throws IOException {
            if (faites != territoires.size()) {
                throw new IllegalStateException(rapport + " " + niveau.cle() + ": " + faites + " tables for "
                        + territoires.size() + " territories");
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            try {
                json.close();
            } finally {
                if (csv != null) {
                    csv.close();
                } else {
                    csvSortie.close();
                }
            }
        }
    }

    /** Replaces {@code dossier} by {@code partiel}. */
    private static void basculer(Path partiel, Path dossier) throws IOException {
        Path ancien = dossier.resolveSibling("." + dossier.getFileName() + ".ancien");
        supprimer(ancien);
        if (Files.exists(dossier)) {
            Files.move(dossier, ancien, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(partiel, dossier, StandardCopyOption.ATOMIC_MOVE);
        supprimer(ancien);
    }

    private static void supprimer(Path dossier) throws IOException {
        if (!Files.exists(dossier)) {
            return;
        }
        try (Stream<Path> chemins = Files.walk(dossier)) {
            for (Path p : chemins.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
