package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk open data served from the releases: the page lists every file of the data package,
 * each file downloads with the bytes and hash the package gives, the CSV holds the same figures
 * as the JSON API, and names that are not files of the release are refused.
 */
@ExtendWith(InfocentreServer.class)
class OpenDataRoutesTest {

    private final Client client;

    OpenDataRoutesTest(Client client) {
        this.client = client;
    }

    private int latest() {
        JsonNode millesimes = client.json("/api/v1/millesimes");
        return millesimes.get(millesimes.size() - 1).asInt();
    }

    @Test
    void thePagesListEveryMillesimeAndEveryFileWithItsSize() {
        int year = latest();
        String index = client.get("/opendata/").body();
        client.json("/api/v1/millesimes").forEach(m -> assertTrue(index.contains("href=\"/opendata/" + m.asInt() + "/\""), index));
        HttpResponse<String> page = client.get("/opendata/" + year + "/");
        assertEquals(200, page.statusCode());
        JsonNode pack = client.json("/opendata/" + year + "/datapackage.json");
        assertEquals(2 * client.json("/api/v1/rapports").size(), pack.get("resources").size(), "a CSV and a Parquet per rapport");
        for (JsonNode r : pack.get("resources")) {
            assertTrue(page.body().contains("href=\"/opendata/" + year + "/" + r.get("path").asText() + "\""), r.toString());
        }
        assertTrue(page.body().contains("Licence Ouverte"), page.body());
    }

    @Test
    void everyFileDownloadsWithTheBytesAndHashOfThePackage() {
        int year = latest();
        JsonNode pack = client.json("/opendata/" + year + "/datapackage.json");
        for (JsonNode r : pack.get("resources")) {
            HttpResponse<byte[]> file = client.bytes("/opendata/" + year + "/" + r.get("path").asText());
            assertEquals(200, file.statusCode(), r.get("path").asText());
            assertEquals(r.get("bytes").asLong(), file.body().length, r.get("path").asText());
            assertEquals(r.get("hash").asText(), "sha256:" + sha256(file.body()), r.get("path").asText());
            assertEquals("public, max-age=31536000, immutable", file.headers().firstValue("Cache-Control").orElseThrow());
        }
    }

    @Test
    void theNationalRowsOfACsvAreTheFiguresOfTheJsonApi() throws IOException {
        int year = latest();
        String id = Samples.rapportSerie03(client).get("id").asText();
        JsonNode api = client.json("/api/v1/rapports/" + id + "?niveau=national&annee=" + year);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(client.bytes("/opendata/" + year + "/" + id + ".csv").body(),
                        StandardCharsets.UTF_8))).getRecords();
        int checked = 0;
        for (JsonNode line : api.get("lignes")) {
            String key = line.get("cle").asText();
            CSVRecord row = rows.stream().filter(r -> r.get("niveau").equals("national") && r.get("categorie").equals(key))
                    .findFirst().orElseThrow(() -> new AssertionError("no national row for " + key));
            for (JsonNode column : api.get("colonnes")) {
                if (!column.get("type").asText().equals("EFFECTIF")) {
                    continue;
                }
                String cle = column.get("cle").asText();
                String value = row.get(cle);
                String secret = row.get(cle + "_secret");
                JsonNode expected = line.get(cle);
                assertEquals(expected.isNull() ? "" : expected.asText(), value, key + " " + cle);
                boolean masked = false;
                for (JsonNode m : api.get("masques")) {
                    masked |= m.get("ligne").asText().equals(key) && m.get("colonne").asText().equals(cle);
                }
                assertEquals(String.valueOf(masked), secret, key + " " + cle);
                checked++;
            }
        }
        assertTrue(checked > 3, checked + " national cells compared");
    }

    @Test
    void aNameThatIsNotAFileOfTheReleaseIsRefused() {
        int year = latest();
        for (String name : List.of("release.json", "..%2Frelease.json", "%2E%2E%2F1%2Frelease.json", "TAB99-99.csv",
                "TAB03-02.CSV", "index.json")) {
            assertEquals(404, client.get("/opendata/" + year + "/" + name).statusCode(), name);
        }
        assertEquals(404, client.get("/opendata/1990/").statusCode());
        assertEquals(400, client.get("/opendata/deux/").statusCode());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
