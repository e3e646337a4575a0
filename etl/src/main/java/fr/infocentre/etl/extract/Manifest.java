package fr.infocentre.etl.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.infocentre.etl.contract.ExtractFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extract's manifest.json: format, version, extraction date, perimeter and, per file, the
 * declared data-row count and SHA-256.
 *
 * @param dateExtraction date of the extract
 * @param perimeter départements covered; empty when the extract covers all of France
 * @param declared  per file, what the manifest declares
 */
public record Manifest(LocalDate dateExtraction, Optional<List<String>> perimetre,
                       Map<ExtractFile, Declared> declared) {

    public static final String FILE_NAME = "manifest.json";
    /** The one version of the extract format this ETL reads. */
    public static final int VERSION = 1;

    /** What the manifest declares for one file. */
    public record Declared(long lignes, String sha256) {
    }

    /** Reads and checks {@code manifest.json} of an extract folder; refuses the extract when it is not well-formed. */
    public static Manifest read(Path extractDir) {
        Path file = extractDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ExtractRefused(FILE_NAME + ": absent from " + extractDir + " — nothing loaded");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ExtractRefused(FILE_NAME + ": not valid JSON (" + e.getMessage() + ") — nothing loaded", e);
        }
        if (root == null || !root.isObject()) {
            throw refused("not a JSON object");
        }
        if (!"sne-extract".equals(root.path("format").asText(null))) {
            throw refused("format must be \"sne-extract\", found " + root.path("format"));
        }
        if (!root.path("version").isIntegralNumber() || root.path("version").asInt() != VERSION) {
            String found = root.has("version") ? root.get("version").toString() : "(absent)";
            throw refused("version " + found + " of the extract format is not supported: this ETL"
                    + " reads sne-extract version " + VERSION + " only (docs/extract-format.md)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(root.path("date_extraction").asText(""));
        } catch (DateTimeParseException e) {
            throw refused("date_extraction must be a yyyy-MM-dd date, found " + root.path("date_extraction"));
        }
        Optional<List<String>> perimetre = Optional.empty();
        if (root.has("perimetre")) {
            JsonNode node = root.get("perimetre");
            if (!node.isArray()) {
                throw refused("perimetre must be an array of département codes");
            }
            List<String> codes = new ArrayList<>();
            node.forEach(n -> codes.add(n.asText()));
            perimetre = Optional.of(List.copyOf(codes));
        }
        JsonNode fichiers = root.path("fichiers");
        if (!fichiers.isObject()) {
            throw refused("fichiers is missing");
        }
        Map<ExtractFile, Declared> declared = new EnumMap<>(ExtractFile.class);
        for (ExtractFile f : ExtractFile.values()) {
            JsonNode entry = fichiers.path(f.fileName());
            if (!entry.isObject()) {
                throw refused("fichiers has no entry for " + f.fileName());
            }
            JsonNode lignes = entry.path("lignes");
            JsonNode sha = entry.path("sha256");
            if (!lignes.isIntegralNumber() || lignes.asLong() < 0) {
                throw refused(f.fileName() + ".lignes must be a non-negative integer, found " + lignes);
            }
            if (!sha.isTextual() || !sha.asText().matches("[0-9a-fA-F]{64}")) {
                throw refused(f.fileName() + ".sha256 must be 64 hexadecimal digits, found " + sha);
            }
            declared.put(f, new Declared(lignes.asLong(), sha.asText().toLowerCase()));
        }
        return new Manifest(date, perimetre, Map.copyOf(declared));
    }

    private static ExtractRefused refused(String why) {
        return new ExtractRefused(FILE_NAME + ": " + why + " — nothing loaded");
    }
}
