package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.infocentre.warehouse.format.ServedVersion;
import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid tiny extract loads into a complete, current warehouse version. */
class EtlJobLoadTest {

    private static final Map<String, Long> TINY_ROWS = Map.ofEntries(
            Map.entry("guichets", 2L), Map.entry("demandes", 4L), Map.entry("demandes_versions", 4L),
            Map.entry("evenements", 9L),
            Map.entry("periodes", 5L), Map.entry("attributions", 1L), Map.entry("communes", 34_920L),
            Map.entry("epci", 1_255L), Map.entry("departements", 101L), Map.entry("regions", 18L),
            Map.entry("plafonds", 648L), Map.entry("zones_plafonds", 34_920L),
            Map.entry("quarantaine", 0L));

    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path tmp;

    @Test
    void tinyExtractLoadsTypedTablesAndBecomesCurrent() throws IOException {
        ExtractFixture extract = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        Path warehouse = tmp.resolve("warehouse");

        LoadReport report = EtlJob.run(spark, extract.dir(), warehouse);

        assertEquals(TINY_ROWS, report.rowsWritten());
        assertEquals(Map.of("guichets.csv", 0L, "demandes.csv", 0L, "evenements.csv", 0L, "attributions.csv", 0L),
                report.rowsQuarantined());
        assertEquals(LocalDate.of(2025, 12, 28), report.dateExtraction());
        assertTrue(report.version().matches("v20251228T\\d{6}Z"), report.version());
        assertEquals(report.version(), Files.readString(WarehouseFormat.currentFile(warehouse)).trim());
        Path version = WarehouseFormat.versionDir(warehouse, report.version());
        for (String table : TINY_ROWS.keySet()) {
            assertEquals(TINY_ROWS.get(table), spark.read().parquet(Table.named(table).in(version).toString()).count(),
                    table);
        }
        assertEquals(Arrays.stream(Table.values()).map(Table::tableName).collect(Collectors.toSet()), TINY_ROWS.keySet(),
                "every table of the warehouse format is written");
        try (Stream<Path> entries = Files.list(WarehouseFormat.versionsDir(warehouse))) {
            assertEquals(List.of(report.version()), entries.map(p -> p.getFileName().toString()).toList(),
                    "no staging folder left");
        }

        JsonNode load = new ObjectMapper().readTree(WarehouseFormat.loadJsonFile(version).toFile());
        assertEquals("infocentre-warehouse", load.get("format").asText());
        assertEquals(1, load.get("version").asInt());
        assertEquals("2025-12-28", load.get("date_extraction").asText());
        assertEquals("[\"06\",\"13\"]", load.get("perimetre").toString());
        assertTrue(load.get("charge_le").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(4, load.get("lignes").get("demandes").asLong());
        assertEquals(0, load.get("quarantaine").get("demandes.csv").asLong());
        ServedVersion served = ServedVersion.read(warehouse); // what the warehouse reader opens
        assertEquals(report.version(), served.name());
        assertEquals(report.dateExtraction(), served.load().dateExtraction());
        assertEquals(report.rowsWritten(), served.load().rowsWritten());
        assertEquals(report.rowsQuarantined(), served.load().rowsQuarantined());

        StructType demandes = spark.read().parquet(Table.DEMANDES.in(version).toString()).schema();
        assertEquals(DataTypes.DateType, demandes.apply("date_depot").dataType());
        assertEquals(DataTypes.BooleanType, demandes.apply("personne_morale").dataType());
        assertEquals(DataTypes.IntegerType, demandes.apply("taille_menage").dataType());
        assertEquals(DataTypes.StringType, demandes.apply("commune_premier_choix").dataType());
        assertEquals(DataTypes.DateType, demandes.apply("date_extraction").dataType());
        assertEquals(33, demandes.size());
        assertEquals(DataTypes.LongType,
                spark.read().parquet(Table.EVENEMENTS.in(version).toString()).schema().apply("ligne").dataType());

        Row d2 = spark.read().parquet(Table.DEMANDES.in(version).toString())
                .filter("numero_unique = '1312024000002'").first();
        assertEquals("13055", d2.getAs("commune_premier_choix"));
        assertEquals(java.sql.Date.valueOf("2025-06-01"), d2.getAs("date_radiation"));
        assertEquals(Boolean.TRUE, d2.getAs("dalo"));
        assertEquals(4, (int) d2.getAs("taille_menage"));
        Row d4 = spark.read().parquet(Table.DEMANDES.in(version).toString())
                .filter("numero_unique = '0612025000004'").first();
        assertTrue(d4.isNullAt(d4.fieldIndex("sexe")), "empty field is null");
        assertTrue(d4.isNullAt(d4.fieldIndex("taille_menage")));

        Row attribution = spark.read().parquet(Table.ATTRIBUTIONS.in(version).toString()).first();
        assertEquals("13055", attribution.getAs("commune_logement_cog"));
        assertEquals("13201", attribution.getAs("commune_logement"));
        Row guichet = spark.read().parquet(Table.GUICHETS.in(version).toString())
                .filter("code_guichet = 'G001'").first();
        assertEquals("Mairie de Nice; service logement", guichet.getAs("libelle"));
        assertTrue(guichet.isNullAt(guichet.fieldIndex("date_fermeture")));
    }

    @Test
    void columnsInAnotherOrderWithAnExtraColumnStillLoad() {
        ExtractFixture extract = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        for (String file : ExtractFixture.FILES) {
            List<List<String>> shuffled = new ArrayList<>();
            for (List<String> record : extract.records(file)) {
                List<String> r = new ArrayList<>(record);
                Collections.reverse(r);
                r.add(1, shuffled.isEmpty() ? "commentaire" : "texte libre; ignoré");
                shuffled.add(r);
            }
            extract.write(file, shuffled);
        }
        LoadReport report = EtlJob.run(spark, extract.dir(), tmp.resolve("warehouse"));
        assertEquals(TINY_ROWS, report.rowsWritten());
        Path demandes = Table.DEMANDES.in(WarehouseFormat.versionDir(tmp.resolve("warehouse"), report.version()));
        assertFalse(List.of(spark.read().parquet(demandes.toString()).columns()).contains("commentaire"));
        assertEquals("06088", spark.read().parquet(demandes.toString())
                .filter("numero_unique = '0612024000001'").first().getAs("commune_premier_choix"));
    }

    @Test
    void theSameExtractLoadedAgainChangesNothing() throws IOException {
        ExtractFixture extract = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        Path warehouse = tmp.resolve("warehouse");
        LoadReport first = EtlJob.run(spark, extract.dir(), warehouse);
        LoadReport again = EtlJob.run(spark, extract.dir(), warehouse);
        assertFalse(first.alreadyLoaded());
        assertTrue(again.alreadyLoaded());
        assertEquals(first.version(), again.version());
        assertEquals(first.version(), readCurrent(warehouse));
        try (var versions = Files.list(WarehouseFormat.versionsDir(warehouse))) {
            assertEquals(List.of(first.version()), versions.map(p -> p.getFileName().toString()).toList(),
                    "no second version");
        }
    }

    private static String readCurrent(Path warehouse) {
        try {
            return Files.readString(WarehouseFormat.currentFile(warehouse)).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
