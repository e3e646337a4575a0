package fr.infocentre.warehouse.requetes;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.InvalidRequest.Cause;
import fr.infocentre.warehouse.RequeteDefinition;
import fr.infocentre.warehouse.RequeteDefinition.Associations;
import fr.infocentre.warehouse.RequeteDefinition.Population;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static fr.infocentre.warehouse.requetes.RequeteFixtures.counts;
import static fr.infocentre.warehouse.requetes.RequeteFixtures.definition;
import static fr.infocentre.warehouse.requetes.RequeteFixtures.parameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every wrong requête is refused with {@link Cause#INVALID_PARAMETER}, naming its parameter, in French: malformed
 * values, and values well formed that the data or the other parameters rule out. Hostile values (SQL fragments,
 * path traversal, control characters, oversized values) in every parameter are refused and change nothing: the
 * version's files keep their bytes and the same requête gives the same figures before and after.
 */
class RequeteRefusalsTest {

    static final List<String> HOSTILE = List.of("' OR '1'='1", "06' OR '1'='1", "06); DROP VIEW communes; --",
            "tranche-age); DROP VIEW communes; --", "x'; DROP TABLE accounts; --", "1; SELECT 1",
            "categorie_canal(canal)", "getvariable('annee')", "\" OR 1=1 --", "../../../../etc/passwd",
            "..\\..\\windows\\win.ini", "/etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}", "06\u0000", "\u0000", "06\r\nX-Injected: 1", "0６", "é".repeat(30), "x".repeat(301),
            "9".repeat(40), "-1", "2024-12-31'; --", "2024-02-30", "canal:PGP' OR 1=1 --", "canal:PGP:PGP",
            "06;DROP", "DROP", "null");

    /** A valid requête for each parameter, and where that parameter's value goes. */
    private static Map<String, List<String>> base(String parameter) {
        return switch (parameter) {
            case "du", "au" -> parameters("population", "satisfaites", "du", "2024-01-01", "au", "2024-12-31",
                    "dimension", "reservataire", "departement", "06");
            default -> parameters("population", "en-cours", "date", "2024-12-31", "dimension", "tranche-age",
                    "departement", "06");
        };
    }

    @Test
    void malformedDefinitionsAreRefusedNamingTheParameter() {
        refused("population", "Population non précisée", "dimension", "canal", "departement", "06");
        refused("population", "Population inconnue", "population", "toutes", "dimension", "canal", "departement", "06");
        refused("population", "se donne une fois", "population", "en-cours", "population", "satisfaites",
                "dimension", "canal", "departement", "06");
        refused("dimension", "Choisissez une ou deux dimensions", "population", "en-cours", "departement", "06");
        refused("dimension", "Choisissez une ou deux dimensions (3 données)", "population", "en-cours",
                "dimension", "canal", "dimension", "motif", "dimension", "mutation", "departement", "06");
        refused("dimension", "Deux fois la même dimension", "population", "en-cours", "dimension", "canal",
                "dimension", "canal", "departement", "06");
        refused("departement", "Choisissez au moins un département", "population", "en-cours", "dimension", "canal");
        refused("departement", "Valeur invalide pour departement : « 6 »", "population", "en-cours", "dimension", "canal",
                "departement", "6");
        refused("date", "La date se donne pour les demandes en cours", "population", "satisfaites", "date", "2024-12-31",
                "dimension", "canal", "departement", "06");
        refused("du", "La période (du, au) se donne pour les demandes satisfaites", "population", "en-cours",
                "du", "2024-01-01", "dimension", "canal", "departement", "06");
        refused("du", "Période vide", "population", "satisfaites", "du", "2024-12-31", "au", "2024-01-01",
                "dimension", "canal", "departement", "06");
        refused("date", "Date invalide : « 31/12/2024 »", "population", "en-cours", "date", "31/12/2024",
                "dimension", "canal", "departement", "06");
        refused("date", "Date inexistante : « 2024-02-30 »", "population", "en-cours", "date", "2024-02-30",
                "dimension", "canal", "departement", "06");
        refused("communes", "pas aux deux à la fois", "population", "en-cours", "dimension", "canal", "departement", "06",
                "epci", "200030195", "communes", "06088");
        refused("filtre", "Filtre invalide", "population", "en-cours", "dimension", "canal", "departement", "06",
                "filtre", "canal");
        refused("guichet", "Trop de valeurs pour guichet : au plus 20", "population", "en-cours", "dimension", "canal",
                "departement", "06", "guichet", String.join(" ", java.util.stream.IntStream.range(0, 21)
                        .mapToObj(i -> "G" + i).toList()));
        refused("associations", "Valeur inconnue", "population", "en-cours", "dimension", "canal", "departement", "06",
                "associations", "toutes");
        refused("periode", "Paramètre inconnu : « periode »", "population", "en-cours", "dimension", "canal",
                "departement", "06", "periode", "2024");
        // the record checks itself, whatever builds it
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> new RequeteDefinition(Population.EN_COURS, null, null,
                null, List.of("canal) UNION SELECT 1 --"), List.of("06"), List.of(), List.of(), List.of(), Map.of(),
                Associations.EXCLUES));
        assertEquals("dimension", e.parameter());
    }

    @Test
    void definitionsTheDataRulesOutAreRefusedWhenTheyRun() {
        ranRefused("dimension", "Dimension inconnue : « couleur » (dimensions : anciennete, canal,", "population", "en-cours",
                "dimension", "couleur", "departement", "06");
        ranRefused("dimension", "ne se calcule pas dans une requête", "population", "en-cours", "dimension", "mois",
                "departement", "06");
        ranRefused("dimension", "La dimension « Quartile de ressources par UC » (quartile-uc) ne s'applique pas aux"
                + " demandes en cours : elle lit r, seuil_q1, seuil_q2, seuil_q3", "population", "en-cours",
                "dimension", "quartile-uc", "departement", "06");
        ranRefused("dimension", "(reservataire) ne s'applique pas aux demandes en cours", "population", "en-cours",
                "dimension", "canal", "dimension", "reservataire", "departement", "06");
        ranRefused("departement", "Département hors des données : 13 (les données couvrent 06, 69)", "population",
                "en-cours", "dimension", "canal", "departement", "13");
        ranRefused("epci", "EPCI inconnu ou sans commune dans les départements choisis : 200046977", "population",
                "en-cours", "dimension", "canal", "departement", "06", "epci", "200046977");
        ranRefused("communes", "Commune inconnue ou hors des départements choisis : 69123", "population", "en-cours",
                "dimension", "canal", "departement", "06", "communes", "69123");
        ranRefused("communes", "un arrondissement compte dans sa commune", "population", "en-cours", "dimension", "canal",
                "departement", "69", "communes", "69381");
        ranRefused("guichet", "Guichet inconnu ou hors des départements choisis : G69001", "population", "en-cours",
                "dimension", "canal", "departement", "06", "guichet", "G06001 G69001");
        ranRefused("guichet", "Guichet inconnu", "population", "en-cours", "dimension", "canal", "departement", "06",
                "guichet", "G99999");
        ranRefused("filtre", "Catégorie inconnue de la dimension canal : COURRIER (catégories : GUICHET, PGP)",
                "population", "en-cours", "dimension", "motif", "departement", "06", "filtre", "canal:COURRIER");
        ranRefused("filtre", "(qpv) ne s'applique pas aux demandes en cours", "population", "en-cours",
                "dimension", "motif", "departement", "06", "filtre", "qpv:QPV");
        ranRefused("date", "Le 16/01/2025 est après l'extraction des données, du 15/01/2025", "population", "en-cours",
                "date", "2025-01-16", "dimension", "canal", "departement", "06");
        ranRefused("date", "Le 31/12/2022 est avant le début de l'historique conservé, le 01/01/2023", "population",
                "en-cours", "date", "2022-12-31", "dimension", "canal", "departement", "06");
        ranRefused("du", "avant le début de l'historique conservé", "population", "satisfaites", "du", "2022-06-01",
                "dimension", "canal", "departement", "06");
        ranRefused("au", "après l'extraction des données", "population", "satisfaites", "au", "2025-02-01",
                "dimension", "canal", "departement", "06");
    }

    @Test
    void hostileValuesInEveryParameterAreRefusedAndChangeNothing() {
        Path folder = MiniWarehouse.folder();
        RequeteDefinition reference = definition("population", "en-cours", "date", "2024-12-31", "dimension", "tranche-age",
                "dimension", "mutation", "departement", "06", "departement", "69");
        List<String> before = counts(RequeteFixtures.mini().run(reference));
        RequeteFixtures.mini().check(reference);
        Map<String, String> files = checksums(folder);
        int refused = 0;
        for (String parameter : RequeteDefinition.PARAMETERS) {
            for (String hostile : HOSTILE) {
                List<String> values = parameter.equals("filtre") ? List.of(hostile, "canal:" + hostile, hostile + ":PGP")
                        : List.of(hostile);
                for (String value : values) {
                    Map<String, List<String>> p = new LinkedHashMap<>(base(parameter));
                    p.put(parameter, List.of(value));
                    InvalidRequest e = assertThrows(InvalidRequest.class,
                            () -> RequeteFixtures.mini().run(RequeteDefinition.parse(p)), parameter + "=" + value);
                    assertEquals(Cause.INVALID_PARAMETER, e.motif(), parameter + "=" + value);
                    assertEquals(parameter, e.parameter(), parameter + "=" + value + ": " + e.getMessage());
                    assertFalse(e.getMessage().contains("\u0000") || e.getMessage().contains("\r"), e.getMessage());
                    refused++;
                }
            }
            // a hostile parameter name
            Map<String, List<String>> p = new LinkedHashMap<>(base(parameter));
            p.put(parameter + "'; DROP VIEW communes; --", List.of("1"));
            assertThrows(InvalidRequest.class, () -> RequeteDefinition.parse(p));
        }
        assertEquals(RequeteDefinition.PARAMETERS.size() * HOSTILE.size() + 2 * HOSTILE.size(), refused);
        assertEquals(before, counts(RequeteFixtures.mini().run(reference)), "the same figures after");
        assertEquals(files, checksums(folder), "the version's files unchanged");
    }

    @Test
    void theSqlHoldsNoValueOfTheRequete() {
        RequeteDefinition d = definition("population", "satisfaites", "du", "2024-03-15", "au", "2024-11-30",
                "dimension", "tranche-age", "dimension", "qpv", "departement", "06", "departement", "69",
                "communes", "06088", "guichet", "G06001", "filtre", "canal:PGP", "filtre", "dalo-prioritaire:DALO");
        var catalogue = fr.infocentre.warehouse.catalogue.Catalogue.load();
        List<RequeteSql.Call> calls = d.dimensions().stream()
                .map(n -> RequeteSql.call(d.population(), catalogue.dimensionCall(n).orElseThrow())).toList();
        Map<RequeteSql.Call, List<String>> categories = new LinkedHashMap<>();
        d.filtres().forEach((n, keys) -> categories.put(RequeteSql.call(d.population(), catalogue.dimensionCall(n)
                .orElseThrow()), keys));
        RequeteSql.Assembled sql = RequeteSql.count(d.population(), d.du(), d.au(), calls, new RequeteSql.Restrictions(
                d.departements(), d.epci(), d.communes(), d.guichets(), categories, d.associations()), 10_001);
        for (String value : List.of("2024", "06", "69", "06088", "G06001", "PGP", "DALO", "10001")) {
            assertFalse(sql.sql().contains(value), value + " in\n" + sql.sql());
        }
        assertEquals(List.of("2024-03-15", "2024-11-30", "06", "69", "06088", "G06001", "PGP", "DALO", 10_001L),
                sql.parameters());
        assertEquals(sql.parameters().size(), sql.sql().chars().filter(c -> c == '?').count());
        assertTrue(sql.sql().contains("categorie_tranche_age(year(a.date_bail) - d.annee_naissance) AS c1"), sql.sql());
        assertTrue(sql.sql().contains("categorie_canal(d.canal) IN (?)"), sql.sql());
    }

    @Test
    void parametersReadBackAsTheSameDefinition() {
        RequeteDefinition d = definition("population", "satisfaites", "au", "2024-12-31", "dimension", "qpv",
                "dimension", "tranche-age", "departement", "69", "departement", "06", "departement", "06",
                "communes", "69266, 06088;06004", "guichet", "", "filtre", "canal:PGP", "filtre", "canal:GUICHET",
                "filtre", "mutation:MUTATION");
        assertEquals(List.of("06", "69"), d.departements());
        assertEquals(List.of("06004", "06088", "69266"), d.communes());
        assertEquals(List.of("qpv", "tranche-age"), d.dimensions(), "rows, then columns: in the order given");
        assertEquals(Map.of("canal", List.of("GUICHET", "PGP"), "mutation", List.of("MUTATION")), d.filtres());
        assertEquals(Associations.EXCLUES, d.associations());
        assertEquals(LocalDate.of(2024, 12, 31), d.au());
        Map<String, List<String>> p = d.parameters();
        assertEquals(List.of("population", "au", "dimension", "departement", "communes", "filtre", "associations"),
                new ArrayList<>(p.keySet()));
        assertEquals(List.of("canal:GUICHET", "canal:PGP", "mutation:MUTATION"), p.get("filtre"));
        assertEquals(d, RequeteDefinition.parse(p));
    }

    private static void refused(String parameter, String message, String... nameValue) {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> definition(nameValue), message);
        assertEquals(Cause.INVALID_PARAMETER, e.motif());
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static void ranRefused(String parameter, String message, String... nameValue) {
        RequeteDefinition d = definition(nameValue);
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> RequeteFixtures.mini().run(d), message);
        assertEquals(Cause.INVALID_PARAMETER, e.motif());
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        // checked the same way without running
        InvalidRequest checked = assertThrows(InvalidRequest.class, () -> RequeteFixtures.mini().check(d), message);
        assertEquals(e.getMessage(), checked.getMessage());
        assertEquals(parameter, checked.parameter());
    }

    /** Every file of the folder with its SHA-256. */
    static Map<String, String> checksums(Path folder) {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                sums.put(folder.relativize(f).toString(), HexFormat.of().formatHex(sha.digest()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return sums;
    }
}
