package fr.infocentre.warehouse.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bulk open data of a release (docs/releases.md, "Open data"), derived from its finished
 * publication folder ({@link fr.infocentre.warehouse.publication.Publication}): for each rapport of
 * {@code index.json}, {@code <rapport>.csv} (data.gouv.fr conventions, one record per territory ×
 * category of every level) and {@code <rapport>.parquet} (the same, typed, derived from the CSV),
 * then {@code datapackage.json} describing them. The level files are read one table at a time.
 * The same publication gives the same bytes.
 */
public final class OpenData {

    /** The source of every release and of its open data. */
    public static final String SOURCE = "SNE — Système National d'Enregistrement des demandes de logement social"
            + " (données synthétiques)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenData() {
    }

    /**
     * @param publication a finished publication folder (index.json and the level files)
     * @param out         the open-data folder to write, absent or empty
     * @param created     the package's creation date (the release's), empty for none: never the time of writing
     */
    public static void write(Path publication, Path out, Optional<String> created) {
        try {
            prepare(out);
            JsonNode index = JSON.readTree(publication.resolve("index.json").toFile());
            List<RapportFile> files = new ArrayList<>();
            for (JsonNode rapport : index.get("rapports")) {
                String id = rapport.get("id").asText();
                List<Path> levels = new ArrayList<>();
                rapport.get("niveaux").forEach(n -> levels.add(publication.resolve(n.get("json").asText())));
                RapportFile file = RapportCsv.write(id, levels, out.resolve(id + ".csv"));
                ParquetCopy.write(out.resolve(file.csv()), out.resolve(file.parquet()), file.fields());
                files.add(file);
            }
            DataPackage.write(out, index.get("annee").asInt(), created, files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the open data of " + publication + " into " + out, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the Parquet files of " + publication + " into " + out, e);
        }
    }

    private static void prepare(Path out) throws IOException {
        Files.createDirectories(out);
        try (Stream<Path> children = Files.list(out)) {
            if (children.findAny().isPresent()) {
                throw new IllegalStateException("The open-data folder must be new: " + out + " is not empty");
            }
        }
    }
}
