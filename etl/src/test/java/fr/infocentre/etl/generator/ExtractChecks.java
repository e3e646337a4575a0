package fr.infocentre.etl.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks one generated extract against extract-format.md, with the code lists copied from the
 * spec (not from the generator), and its manifest against its files: for any extract, given its
 * day and the start of the history it holds (FormatConformanceTest, ManifestIntegrityTest, and
 * every extract of a weekly series).
 */
final class ExtractChecks {

    // closed lists, copied from extract-format.md (not from the generator)
    static final Set<String> TYPE_GUICHET = Set.of("BAILLEUR", "COMMUNE", "EPCI", "DEPARTEMENT", "ETAT",
            "ACTION_LOGEMENT", "AUTRE");
    static final Set<String> CANAL_DEMANDE = Set.of("GUICHET", "PGP");
    static final Set<String> CANAL_EVENEMENT = Set.of("GUICHET", "PGP", "SYSTEME");
    static final Set<String> MOTIF_RADIATION = Set.of("ATTRIBUTION", "RENONCIATION", "ABSENCE_REPONSE",
            "IRRECEVABILITE", "NON_RENOUVELLEMENT", "FUSION");
    static final Set<String> TYPE_EVENEMENT = Set.of("CREATION", "RENOUVELLEMENT", "MODIFICATION", "RADIATION",
            "REACTIVATION", "PIECE");
    static final Set<String> SEXE = Set.of("F", "M");
    static final Set<String> NATIONALITE = Set.of("FR", "UE", "HORS_UE");
    static final Set<String> SITUATION_FAMILIALE = Set.of("CELIBATAIRE", "MARIE", "PACSE", "CONCUBIN", "DIVORCE",
            "SEPARE", "VEUF");
    static final Set<String> SITUATION_PRO = Set.of("CDI", "FONCTIONNAIRE", "CDD", "INTERIM", "APPRENTI",
            "INDEPENDANT", "CHOMAGE", "RETRAITE", "ETUDIANT", "SANS_EMPLOI", "AUTRE");
    static final Set<String> LOGEMENT = Set.of("LOCATAIRE_HLM", "LOCATAIRE_PRIVE", "PROPRIETAIRE", "CHEZ_PARENTS",
            "CHEZ_PARTICULIER", "STRUCTURE_HEBERGEMENT", "CDEF_CENTRE_MATERNEL", "HOTEL", "FOYER_RESIDENCE_SOCIALE",
            "RESIDENCE_ETUDIANT", "LOGEMENT_FONCTION", "HABITAT_MOBILE", "OCCUPANT_SANS_TITRE", "SANS_ABRI", "AUTRE");
    static final Set<String> MOTIF = Set.of("SANS_LOGEMENT", "HEBERGE", "LOGEMENT_TROP_CHER", "TROP_PETIT",
            "TROP_GRAND", "DIVORCE_SEPARATION", "DECOHABITATION", "HANDICAP", "SANTE", "RAPPROCHEMENT_TRAVAIL",
            "RAPPROCHEMENT_FAMILLE", "VIOLENCES", "NON_DECENT", "INSALUBRE", "EXPULSION", "RENOUVELLEMENT_URBAIN",
            "VENTE_OU_REPRISE", "ENVIRONNEMENT", "MUTATION_PROFESSIONNELLE", "AUTRE");
    static final Set<String> TYPOLOGIE = Set.of("T1", "T2", "T3", "T4", "T5", "T6");
    static final Set<String> FINANCEMENT = Set.of("PLAI", "PLUS", "PLS", "PLI", "AUTRE");
    static final Set<String> RESERVATAIRE = Set.of("ETAT", "ETAT_FONCTIONNAIRES", "ACTION_LOGEMENT", "COLLECTIVITE",
            "BAILLEUR", "AUTRE");
    static final Set<String> STATUS_EVENTS = Set.of("CREATION", "RENOUVELLEMENT", "MODIFICATION", "REACTIVATION",
            "RADIATION");

    private static Set<String> communes;

    private final Path dir;
    private final LocalDate day;
    private final LocalDate historyFrom;
    final List<CSVRecord> guichets;
    final List<CSVRecord> demandes;
    final List<CSVRecord> evenements;
    final List<CSVRecord> attributions;

    /** Reads the extract in {@code dir}, of {@code day}, which purged the demandes radiated before {@code historyFrom}. */
    ExtractChecks(Path dir, LocalDate day, LocalDate historyFrom) throws IOException {
        this.dir = dir;
        this.day = day;
        this.historyFrom = historyFrom;
        guichets = TestExtracts.rows(dir.resolve("guichets.csv"));
        demandes = TestExtracts.rows(dir.resolve("demandes.csv"));
        evenements = TestExtracts.rows(dir.resolve("evenements.csv"));
        attributions = TestExtracts.rows(dir.resolve("attributions.csv"));
    }

    private static synchronized Set<String> communes() {
        if (communes == null) {
            Set<String> codes = new HashSet<>();
            try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                    new InputStreamReader(ExtractChecks.class.getResourceAsStream("/ref/communes.csv"),
                            StandardCharsets.UTF_8))) {
                p.forEach(r -> codes.add(r.get("code_commune")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            communes = codes;
        }
        return communes;
    }

    /** Every check below. */
    void all(List<String> perimetre) throws IOException {
        headersAreTheSpecColumns();
        guichetsAreValid();
        demandesAreValid();
        evenementsAreConsistentWithDemandes();
        attributionsAreValid();
        manifestMatchesTheFiles(perimetre);
    }

    /** The manifest: format, version, extraction date, perimeter, and each file's row count and SHA-256. */
    void manifestMatchesTheFiles(List<String> perimetre) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals("sne-extract", manifest.get("format").asText());
        assertEquals(1, manifest.get("version").asInt());
        assertEquals(day.toString(), manifest.get("date_extraction").asText());
        List<String> listed = new ArrayList<>();
        if (manifest.has("perimetre")) {
            manifest.get("perimetre").forEach(n -> listed.add(n.asText()));
        }
        assertEquals(perimetre, listed);
        JsonNode fichiers = manifest.get("fichiers");
        assertEquals(List.of("guichets.csv", "demandes.csv", "evenements.csv", "attributions.csv"),
                iterate(fichiers.fieldNames()));
        for (String file : iterate(fichiers.fieldNames())) {
            JsonNode entry = fichiers.get(file);
            assertEquals(sha256(dir.resolve(file)), entry.get("sha256").asText(), file);
            long rows;
            try (CSVParser parser = TestExtracts.parse(dir.resolve(file))) {
                rows = parser.stream().count();
            }
            assertEquals(rows, entry.get("lignes").asLong(), file);
        }
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void headersAreTheSpecColumns() throws IOException {
        assertHeader("guichets.csv", "code_guichet;libelle;type_guichet;code_commune;date_ouverture;date_fermeture");
        assertHeader("demandes.csv", "numero_unique;id_demandeur;code_guichet;canal;personne_morale;date_depot;"
                + "date_enregistrement;date_renouvellement;date_radiation;motif_radiation;annee_naissance;sexe;"
                + "nationalite;situation_familiale;co_demandeur;taille_menage;nb_enfants;situation_professionnelle;"
                + "revenu_mensuel;revenu_fiscal_reference;logement_actuel;motif;typologie;communes_souhaitees;"
                + "commune_residence;handicap;dalo;prioritaire;nb_pieces;doublon_force;date_modification");
        assertHeader("evenements.csv", "numero_unique;date_evenement;type;code_guichet;canal;motif_radiation");
        assertHeader("attributions.csv", "numero_unique;date_bail;date_saisie;code_guichet;code_bailleur;"
                + "commune_logement;qpv;typologie;surface;loyer;financement;reservataire;dalo;identifiant_rpls");
    }

    private void assertHeader(String file, String expected) throws IOException {
        try (CSVParser p = TestExtracts.parse(dir.resolve(file))) {
            assertEquals(List.of(expected.split(";")), p.getHeaderNames(), file);
        }
        List<CSVRecord> rows = switch (file) {
            case "guichets.csv" -> guichets;
            case "demandes.csv" -> demandes;
            case "evenements.csv" -> evenements;
            default -> attributions;
        };
        for (CSVRecord r : rows) {
            assertTrue(r.isConsistent(), file + " row " + r.getRecordNumber() + " has the header's column count");
        }
    }

    void guichetsAreValid() {
        Set<String> codes = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (CSVRecord g : guichets) {
            assertTrue(codes.add(g.get("code_guichet")), "unique code_guichet");
            assertIn(TYPE_GUICHET, g.get("type_guichet"));
            types.add(g.get("type_guichet"));
            assertTrue(communes().contains(g.get("code_commune")), g.get("code_commune"));
            LocalDate open = LocalDate.parse(g.get("date_ouverture"));
            if (!g.get("date_fermeture").isEmpty()) {
                assertFalse(LocalDate.parse(g.get("date_fermeture")).isBefore(open));
            }
        }
        assertTrue(guichets.size() >= 2, "at least two guichets per département");
        assertTrue(types.contains("BAILLEUR"));
    }

    void demandesAreValid() {
        Set<String> guichetCodes = new HashSet<>();
        guichets.forEach(g -> guichetCodes.add(g.get("code_guichet")));
        Set<String> numeros = new HashSet<>();
        for (CSVRecord d : demandes) {
            for (String required : List.of("numero_unique", "code_guichet", "canal", "personne_morale", "date_depot",
                    "date_enregistrement", "communes_souhaitees")) {
                assertFalse(d.get(required).isEmpty(), required + " required");
            }
            assertTrue(numeros.add(d.get("numero_unique")), "unique numero_unique");
            assertTrue(guichetCodes.contains(d.get("code_guichet")));
            assertIn(CANAL_DEMANDE, d.get("canal"));
            for (String flag : List.of("personne_morale", "co_demandeur", "handicap", "dalo", "prioritaire",
                    "doublon_force")) {
                assertOptionalIn(Set.of("0", "1"), d.get(flag));
            }
            assertOptionalIn(SEXE, d.get("sexe"));
            assertOptionalIn(NATIONALITE, d.get("nationalite"));
            assertOptionalIn(SITUATION_FAMILIALE, d.get("situation_familiale"));
            assertOptionalIn(SITUATION_PRO, d.get("situation_professionnelle"));
            assertOptionalIn(LOGEMENT, d.get("logement_actuel"));
            assertOptionalIn(MOTIF, d.get("motif"));
            assertOptionalIn(TYPOLOGIE, d.get("typologie"));
            assertOptionalIn(MOTIF_RADIATION, d.get("motif_radiation"));
            LocalDate depot = LocalDate.parse(d.get("date_depot"));
            LocalDate enregistrement = LocalDate.parse(d.get("date_enregistrement"));
            assertFalse(enregistrement.isBefore(depot), "date_enregistrement >= date_depot");
            assertFalse(enregistrement.isAfter(day));
            assertEquals(d.get("date_radiation").isEmpty(), d.get("motif_radiation").isEmpty(), "radiation pair");
            if (!d.get("taille_menage").isEmpty()) {
                int taille = Integer.parseInt(d.get("taille_menage"));
                assertTrue(taille >= 1);
                if (!d.get("nb_enfants").isEmpty()) {
                    int enfants = Integer.parseInt(d.get("nb_enfants"));
                    assertTrue(enfants >= 0 && enfants < taille);
                }
            }
            for (String amount : List.of("revenu_mensuel", "revenu_fiscal_reference", "nb_pieces", "annee_naissance")) {
                assertTrue(d.get(amount).isEmpty() || Integer.parseInt(d.get(amount)) >= 0, amount);
            }
            if ("1".equals(d.get("dalo"))) {
                assertEquals("1", d.get("prioritaire"), "DALO implies prioritaire");
            }
            String[] wishes = d.get("communes_souhaitees").split("\\|");
            assertTrue(wishes.length >= 1 && wishes.length <= 8);
            for (String w : wishes) {
                assertTrue(communes().contains(w), "wished commune " + w);
            }
            String residence = d.get("commune_residence");
            assertTrue(residence.isEmpty() || residence.startsWith("99") || communes().contains(residence), residence);
        }
    }

    void evenementsAreConsistentWithDemandes() {
        Map<String, List<CSVRecord>> byDemande = new HashMap<>();
        Map<String, CSVRecord> guichetByCode = new HashMap<>();
        guichets.forEach(g -> guichetByCode.put(g.get("code_guichet"), g));
        for (CSVRecord e : evenements) {
            assertIn(TYPE_EVENEMENT, e.get("type"));
            assertIn(CANAL_EVENEMENT, e.get("canal"));
            LocalDate date = LocalDate.parse(e.get("date_evenement"));
            assertFalse(date.isAfter(day), "no event after the extraction date");
            boolean radiation = "RADIATION".equals(e.get("type"));
            if (radiation) {
                assertIn(MOTIF_RADIATION, e.get("motif_radiation"));
            } else {
                assertEquals("", e.get("motif_radiation"));
            }
            String guichet = e.get("code_guichet");
            assertEquals("GUICHET".equals(e.get("canal")), !guichet.isEmpty(), "code_guichet iff a guichet acted");
            if (!guichet.isEmpty()) {
                CSVRecord g = guichetByCode.get(guichet);
                assertNotNull(g, guichet);
                String closed = g.get("date_fermeture");
                assertTrue(closed.isEmpty() || date.isBefore(LocalDate.parse(closed)), "closed guichet acted");
            }
            byDemande.computeIfAbsent(e.get("numero_unique"), k -> new ArrayList<>()).add(e);
        }
        for (CSVRecord d : demandes) {
            List<CSVRecord> events = byDemande.get(d.get("numero_unique"));
            assertNotNull(events, "every demande has events");
            CSVRecord last = null;
            int creations = 0;
            LocalDate previous = LocalDate.MIN;
            for (CSVRecord e : events) {
                LocalDate date = LocalDate.parse(e.get("date_evenement"));
                assertFalse(date.isBefore(previous), "events in date order");
                previous = date;
                if (STATUS_EVENTS.contains(e.get("type"))) {
                    last = e;
                }
                if ("CREATION".equals(e.get("type"))) {
                    creations++;
                    assertEquals(d.get("date_enregistrement"), e.get("date_evenement"));
                }
            }
            assertEquals(1, creations);
            // the generator's rules: date_modification is the last event's, date_renouvellement the last renewal's
            assertEquals(events.get(events.size() - 1).get("date_evenement"), d.get("date_modification"));
            assertEquals(events.stream().filter(e -> "RENOUVELLEMENT".equals(e.get("type")))
                    .map(e -> e.get("date_evenement")).reduce((x, y) -> y).orElse(""), d.get("date_renouvellement"));
            boolean radiated = "RADIATION".equals(last.get("type"));
            assertEquals(radiated, !d.get("date_radiation").isEmpty(), d.get("numero_unique"));
            if (radiated) {
                assertEquals(d.get("date_radiation"), last.get("date_evenement"));
                assertEquals(d.get("motif_radiation"), last.get("motif_radiation"));
                assertFalse(LocalDate.parse(d.get("date_radiation")).isBefore(historyFrom),
                        "demandes radiated before history-from are purged");
            }
        }
        assertEquals(demandes.size(), byDemande.size(), "no event without its demande");
    }

    void attributionsAreValid() {
        Map<String, CSVRecord> demandeByNumero = new HashMap<>();
        demandes.forEach(d -> demandeByNumero.put(d.get("numero_unique"), d));
        Set<String> bailleurs = new HashSet<>();
        guichets.stream().filter(g -> "BAILLEUR".equals(g.get("type_guichet")))
                .forEach(g -> bailleurs.add(g.get("code_guichet")));
        assertFalse(attributions.isEmpty());
        for (CSVRecord a : attributions) {
            for (String required : List.of("numero_unique", "date_bail", "date_saisie", "code_guichet",
                    "commune_logement")) {
                assertFalse(a.get(required).isEmpty(), required + " required");
            }
            CSVRecord d = demandeByNumero.get(a.get("numero_unique"));
            assertNotNull(d);
            assertEquals("ATTRIBUTION", d.get("motif_radiation"));
            assertEquals(a.get("date_bail"), d.get("date_radiation"));
            LocalDate saisie = LocalDate.parse(a.get("date_saisie"));
            assertFalse(saisie.isBefore(LocalDate.parse(a.get("date_bail"))));
            assertFalse(saisie.isAfter(day));
            assertTrue(bailleurs.contains(a.get("code_guichet")));
            assertTrue(communes().contains(a.get("commune_logement")));
            assertOptionalIn(Set.of("0", "1"), a.get("qpv"));
            assertOptionalIn(Set.of("0", "1"), a.get("dalo"));
            assertOptionalIn(TYPOLOGIE, a.get("typologie"));
            assertOptionalIn(FINANCEMENT, a.get("financement"));
            assertOptionalIn(RESERVATAIRE, a.get("reservataire"));
        }
    }

    private static void assertIn(Set<String> codes, String value) {
        assertTrue(codes.contains(value), "unexpected code " + value);
    }

    private static void assertOptionalIn(Set<String> codes, String value) {
        assertTrue(value.isEmpty() || codes.contains(value), "unexpected code " + value);
    }
}
