package fr.infocentre.etl.generator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Small, fast generations for the tests: one small département (Lozère), history from 2019. */
final class TestExtracts {

    static final LocalDate UNTIL = LocalDate.of(2025, 12, 28);
    static final List<String> PERIMETRE = List.of("48");

    private TestExtracts() {
    }

    static GeneratorOptions options(long seed) {
        return new GeneratorOptions(0.5, seed, UNTIL, PERIMETRE, GeneratorOptions.DEFAULT_HISTORY_FROM);
    }

    static ExtractSummary generate(long seed, Path dir) throws IOException {
        return new Generator(options(seed)).writeTo(dir);
    }

    /** Parses a generated file independently of the generator: `;`, header row, UTF-8. */
    static CSVParser parse(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get().parse(reader);
    }

    static List<CSVRecord> rows(Path file) throws IOException {
        try (CSVParser parser = parse(file)) {
            return parser.getRecords();
        }
    }
}
