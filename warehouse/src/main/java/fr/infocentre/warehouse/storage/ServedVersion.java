package fr.infocentre.warehouse.storage;

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
public record ServedVersion(Path folder, LocalDate dateExtraction, List<String> perimeter) {

    /** The tables the rapports read, each a folder of Parquet files. */
    static final List<String> TABLES = List.of("demandes", "demandes_versions", "evenements", "periodes",
            "attributions", "guichets", "communes", "epci", "departements", "regions", "plafonds", "zones_plafonds");

    public static ServedVersion read(Path warehouseDir) {
        Path current = warehouseDir.resolve("CURRENT");
        try {
            if (!Files.isRegularFile(current)) {
                throw new IllegalStateException("No version to serve: " + current + " is missing");
            }
            Path folder = warehouseDir.resolve("versions").resolve(Files.readString(current).strip());
            JsonNode load = new ObjectMapper().readTree(folder.resolve("load.json").toFile());
            List<String> perimeter = Optional.ofNullable(load.get("perimetre"))
                    .map(p -> StreamSupport.stream(p.spliterator(), false).map(JsonNode::asText).toList())
                    .orElse(List.of());
            return new ServedVersion(folder, LocalDate.parse(load.get("date_extraction").asText()), perimeter);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the current version of " + warehouseDir, e);
        }
    }

    /** Creates one view per table over this version's Parquet files. */
    public void createViews(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String table : TABLES) {
                String files = folder.resolve(table).resolve("**").resolve("*.parquet").toString();
                st.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('"
                        + files.replace("'", "''") + "')");
            }
        }
    }

    boolean covers(String codeDepartement) {
        return perimeter.isEmpty() || perimeter.contains(codeDepartement);
    }
}
