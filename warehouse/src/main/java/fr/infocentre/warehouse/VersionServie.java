package fr.infocentre.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The version of the warehouse named by {@code CURRENT} (see docs/warehouse-format.md):
 * its folder and what its {@code load.json} says.
 *
 * @param dossier         {@code <warehouse>/versions/<name>}
 * @param dateExtraction  date of the SNE extract loaded
 * @param perimetre       départements covered, empty when the extract covers all of France
 */
record VersionServie(Path dossier, LocalDate dateExtraction, List<String> perimetre) {

    /** The tables the rapports read, each a folder of Parquet files. */
    static final List<String> TABLES = List.of("demandes", "demandes_versions", "evenements", "periodes",
            "attributions", "guichets", "communes", "epci", "departements", "regions", "plafonds", "zones_plafonds");

    static VersionServie lire(Path entrepot) {
        Path current = entrepot.resolve("CURRENT");
        try {
            if (!Files.isRegularFile(current)) {
                throw new IllegalStateException("No version to serve: " + current + " is missing");
            }
            Path dossier = entrepot.resolve("versions").resolve(Files.readString(current).strip());
            JsonNode load = new ObjectMapper().readTree(dossier.resolve("load.json").toFile());
            List<String> perimetre = Optional.ofNullable(load.get("perimetre"))
                    .map(p -> StreamSupport.stream(p.spliterator(), false).map(JsonNode::asText).toList())
                    .orElse(List.of());
            return new VersionServie(dossier, LocalDate.parse(load.get("date_extraction").asText()), perimetre);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the current version of " + entrepot, e);
        }
    }

    /** Creates one view per table over this version's Parquet files. */
    void creerVues(Connection connexion) throws SQLException {
        try (Statement st = connexion.createStatement()) {
            for (String table : TABLES) {
                String fichiers = dossier.resolve(table).resolve("**").resolve("*.parquet").toString();
                st.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('"
                        + fichiers.replace("'", "''") + "')");
            }
        }
    }

    boolean couvre(String codeDepartement) {
        return perimetre.isEmpty() || perimetre.contains(codeDepartement);
    }
}
