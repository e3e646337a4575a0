package fr.infocentre.etl.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestIntegrityTest {

    @TempDir
    static Path dir;
    static JsonNode manifest;

    @BeforeAll
    static void generate() throws IOException {
        TestExtracts.generate(7, dir);
        manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    }

    @Test
    void headerFields() {
        assertEquals("sne-extract", manifest.get("format").asText());
        assertEquals(1, manifest.get("version").asInt());
        assertEquals("2025-12-28", manifest.get("date_extraction").asText());
        List<String> perimetre = new ArrayList<>();
        manifest.get("perimetre").forEach(n -> perimetre.add(n.asText()));
        assertEquals(List.of("48"), perimetre);
    }

    @Test
    void checksumsAndRowCountsMatchTheFiles() throws IOException {
        new ExtractChecks(dir, TestExtracts.UNTIL, GeneratorOptions.DEFAULT_HISTORY_FROM)
                .manifestMatchesTheFiles(TestExtracts.PERIMETRE);
        for (String file : List.of("guichets.csv", "demandes.csv", "evenements.csv", "attributions.csv")) {
            assertTrue(manifest.get("fichiers").get(file).get("lignes").asLong() > 0, file + " should have rows");
        }
    }

    @Test
    void allFranceHasNoPerimetre(@TempDir Path other) throws IOException {
        ExtractSummary summary = new ExtractSummary(TestExtracts.UNTIL, List.of(),
                new java.util.LinkedHashMap<>(), 0, 0);
        ManifestWriter.write(other, summary);
        JsonNode json = new ObjectMapper().readTree(other.resolve("manifest.json").toFile());
        assertFalse(json.has("perimetre"));
    }

    @Test
    void filesHaveNoBomAndUnixLines() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("demandes.csv"));
        assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF);
        for (byte b : bytes) {
            assertTrue(b != '\r', "no CR in records");
        }
    }
}
