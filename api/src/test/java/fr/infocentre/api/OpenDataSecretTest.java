package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secret statistique in the bulk open data, over HTTP on the generated millésimes
 * ({@link GeneratedServer}): every count (integer field of the Table Schema) of every CSV and
 * Parquet file of every millésime released is empty when flagged secret, and no published
 * count is from 1 to 10; the Parquet masks the same cells as the CSV.
 */
class OpenDataSecretTest {

    private final Client client = GeneratedServer.started().client();

    @Test
    void noOpenDataFileOfAnyMillesimeShowsACountFrom1To10() throws IOException, SQLException {
        List<String> violations = new ArrayList<>();
        long counts = 0, masked = 0;
        for (JsonNode year : client.json("/api/v1/millesimes")) {
            String base = "/opendata/" + year.asInt() + "/";
            for (JsonNode resource : client.json(base + "datapackage.json").get("resources")) {
                if (!resource.get("format").asText().equals("csv")) {
                    continue;
                }
                List<String> countFields = new ArrayList<>();
                resource.at("/schema/fields").forEach(f -> {
                    if (f.get("type").asText().equals("integer")) {
                        countFields.add(f.get("name").asText());
                    }
                });
                String path = resource.get("path").asText();
                String csv = new String(client.bytes(base + path).body(), StandardCharsets.UTF_8);
                long csvMasked = 0;
                for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new StringReader(csv))) {
                    for (String field : countFields) {
                        String value = r.get(field);
                        boolean secret = Boolean.parseBoolean(r.get(field + "_secret"));
                        counts++;
                        if (secret) {
                            csvMasked++;
                            if (!value.isEmpty()) {
                                violations.add(base + path + " line " + r.getRecordNumber() + " " + field
                                        + ": flagged secret but holds " + value);
                            }
                        } else if (!value.isEmpty() && new BigDecimal(value).compareTo(BigDecimal.ONE) >= 0
                                && new BigDecimal(value).compareTo(BigDecimal.TEN) <= 0) {
                            violations.add(base + path + " line " + r.getRecordNumber() + " " + field + " = " + value);
                        }
                    }
                }
                masked += csvMasked;
                assertEquals(csvMasked, parquetMasked(base + path.replace(".csv", ".parquet"), countFields),
                        base + path + ": the Parquet masks the same count cells");
            }
        }
        assertTrue(violations.isEmpty(), violations.size() + " counts from 1 to 10 or values under a mask: "
                + violations.subList(0, Math.min(10, violations.size())));
        assertTrue(counts > 10_000 && masked > 100, counts + " count cells read, " + masked + " masked");
    }

    /** Masked count cells of a Parquet file downloaded from the server; fails on a count 1–10 published. */
    private long parquetMasked(String url, List<String> countFields) throws IOException, SQLException {
        Path file = Files.createTempFile("opendata-", ".parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            Files.write(file, client.bytes(url).body());
            long masked = 0;
            for (String field : countFields) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE \"" + field + "_secret\"),"
                        + " count(*) FILTER (WHERE \"" + field + "\" BETWEEN 1 AND 10),"
                        + " count(*) FILTER (WHERE \"" + field + "_secret\" AND \"" + field + "\" IS NOT NULL)"
                        + " FROM read_parquet('" + file + "')")) {
                    rs.next();
                    masked += rs.getLong(1);
                    assertEquals(0, rs.getLong(2), url + " " + field + ": counts from 1 to 10");
                    assertEquals(0, rs.getLong(3), url + " " + field + ": values under a mask");
                }
            }
            return masked;
        } finally {
            Files.delete(file);
        }
    }
}
