package fr.infocentre.warehouse;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.etl.generator.Generator;
import fr.infocentre.etl.generator.GeneratorOptions;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small generated extract — three départements, two of them in the same region (Aveyron and
 * Lozère in Occitanie, Hautes-Alpes in Provence-Alpes-Côte d'Azur), scale 0.05, seed 11 —
 * loaded once per JVM through the real ETL, opened both as a {@link Warehouse} (protected
 * tables) and as the bare engine ({@link #brut()}: tables as computed, before the secret
 * statistique). Shared by the catalogue and publication tests.
 */
final class EntrepotGenere {

    static final List<String> DEPARTEMENTS = List.of("05", "12", "48");

    private static Path dossier;
    private static Warehouse warehouse;
    private static Brut brut;
    private static Warehouse nonProtege;

    private EntrepotGenere() {
    }

    static synchronized Path dossier() {
        if (dossier == null) {
            try {
                Path extrait = Files.createTempDirectory("extrait-catalogue-");
                new Generator(new GeneratorOptions(0.05, 11, LocalDate.of(2025, 12, 28), DEPARTEMENTS,
                        GeneratorOptions.DEFAULT_HISTORY_FROM)).writeTo(extrait);
                Path d = Files.createTempDirectory("warehouse-catalogue-");
                EtlJob.run(SharedSpark.session(), extrait, d);
                dossier = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dossier;
    }

    static synchronized Warehouse warehouse() {
        if (warehouse == null) {
            warehouse = Warehouses.open(dossier());
        }
        return warehouse;
    }

    /** The same warehouse before the secret statistique (figures as computed, nothing masked). */
    static synchronized Warehouse nonProtege() {
        if (nonProtege == null) {
            nonProtege = new NonProtege(dossier());
        }
        return nonProtege;
    }

    static synchronized Brut brut() {
        if (brut == null) {
            brut = Brut.ouvrir(dossier());
        }
        return brut;
    }

    /** The last millésime of the extract. */
    static int annee() {
        List<Integer> annees = warehouse().annees();
        return annees.get(annees.size() - 1);
    }

    /**
     * The engine without the protection step, opened as {@link DuckDbWarehouse} opens it; one
     * connection (use it from one thread).
     */
    static final class Brut {

        final DuckDBConnection connexion;
        final Catalogue catalogue;
        final Geographie geographie;
        final MoteurRapports moteur;
        /** code_commune (type COMMUNE) → its département, region and EPCI (null when none). */
        final Map<String, List<String>> communes;

        private Brut(DuckDBConnection connexion, Catalogue catalogue, Geographie geographie, MoteurRapports moteur,
                     Map<String, List<String>> communes) {
            this.connexion = connexion;
            this.catalogue = catalogue;
            this.geographie = geographie;
            this.moteur = moteur;
            this.communes = communes;
        }

        static Brut ouvrir(Path entrepot) {
            try {
                VersionServie version = VersionServie.lire(entrepot);
                DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
                version.creerVues(c);
                try (Statement st = c.createStatement()) {
                    st.execute(Catalogue.macros());
                }
                List<Integer> annees = Millesimes.calculer(c, version);
                Map<String, List<String>> communes = new LinkedHashMap<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT code_commune, code_departement, code_region, siren_epci FROM communes"
                                + " WHERE type = 'COMMUNE' ORDER BY code_commune")) {
                    while (rs.next()) {
                        List<String> parents = new ArrayList<>();
                        parents.add(rs.getString(2));
                        parents.add(rs.getString(3));
                        parents.add(rs.getString(4));
                        communes.put(rs.getString(1), parents);
                    }
                }
                return new Brut(c, Catalogue.charger(), Geographie.charger(c, version),
                        MoteurRapports.ouvrir(c, version, annees), communes);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        DefinitionRapport definition(String id) {
            return catalogue.definition(id).orElseThrow();
        }

        /** The rapport, as computed, for every territory of the level: code → table (the publication's path). */
        Map<String, TableCalculee> niveau(String id, Niveau niveau, int annee) {
            Map<String, TableCalculee> tables = new LinkedHashMap<>();
            try {
                new CalculParNiveau(moteur).calculer(connexion, definition(id), Map.of(niveau,
                        geographie.territoires(niveau)), annee, t -> tables.put(t.territoire().code(), t));
            } catch (SQLException e) {
                throw new IllegalStateException(id + " " + niveau, e);
            }
            return tables;
        }

        /** The rapport, as computed, for every territory of several levels in one pass, in the order given. */
        List<TableCalculee> niveaux(String id, List<Niveau> niveaux, int annee) {
            Map<Niveau, List<Territoire>> territoires = new LinkedHashMap<>();
            niveaux.forEach(n -> territoires.put(n, geographie.territoires(n)));
            List<TableCalculee> tables = new ArrayList<>();
            try {
                new CalculParNiveau(moteur).calculer(connexion, definition(id), territoires, annee, tables::add);
            } catch (SQLException e) {
                throw new IllegalStateException(id + " " + niveaux, e);
            }
            return tables;
        }

        /** The rapport, as computed, for one territory (territory by territory, the path of {@link Warehouse#calculer}). */
        TableCalculee territoire(String id, Territoire territoire, int annee) {
            try {
                return moteur.calculer(connexion, definition(id), territoire, annee);
            } catch (SQLException e) {
                throw new IllegalStateException(id + " " + territoire, e);
            }
        }
    }
}
