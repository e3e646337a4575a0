package fr.infocentre.etl.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorDeterminismTest {

    private static final List<String> FILES = List.of("manifest.json", "guichets.csv", "demandes.csv",
            "evenements.csv", "attributions.csv");

    @Test
    void sameOptionsGiveByteIdenticalFiles(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("a");
        Path second = tmp.resolve("b");
        TestExtracts.generate(42, first);
        TestExtracts.generate(42, second);
        for (String file : FILES) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
    }

    @Test
    void anotherSeedGivesOtherDemandes(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("a");
        Path second = tmp.resolve("b");
        TestExtracts.generate(42, first);
        TestExtracts.generate(43, second);
        byte[] a = Files.readAllBytes(first.resolve("demandes.csv"));
        byte[] b = Files.readAllBytes(second.resolve("demandes.csv"));
        assertTrue(a.length > 10_000, "the test extract should not be empty");
        assertFalse(java.util.Arrays.equals(a, b));
    }
}
