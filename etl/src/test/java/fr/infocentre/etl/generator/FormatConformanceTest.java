package fr.infocentre.etl.generator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/** Checks a generated historical extract against extract-format.md ({@link ExtractChecks}). */
class FormatConformanceTest {

    @TempDir
    static Path dir;
    static ExtractChecks extract;

    @BeforeAll
    static void generate() throws IOException {
        TestExtracts.generate(11, dir);
        extract = new ExtractChecks(dir, TestExtracts.UNTIL, GeneratorOptions.DEFAULT_HISTORY_FROM);
    }

    @Test
    void headersAreTheSpecColumns() throws IOException {
        extract.headersAreTheSpecColumns();
    }

    @Test
    void guichetsAreValid() {
        extract.guichetsAreValid();
    }

    @Test
    void demandesAreValid() {
        extract.demandesAreValid();
    }

    @Test
    void evenementsAreConsistentWithDemandes() {
        extract.evenementsAreConsistentWithDemandes();
    }

    @Test
    void attributionsAreValid() {
        extract.attributionsAreValid();
    }
}
