package fr.infocentre.warehouse.requetes;

import fr.infocentre.warehouse.RequeteDefinition.Population;
import fr.infocentre.warehouse.RequeteOptions;
import fr.infocentre.warehouse.RequeteResult;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static fr.infocentre.warehouse.requetes.RequeteFixtures.counts;
import static fr.infocentre.warehouse.requetes.RequeteFixtures.definition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures of requêtes, checked against values worked out by hand from the fixture extracts' rows (their
 * README.md and warehouse/src/test/resources/attendus-*.md list the demandes behind each count), never read off
 * the engine. Every category of a dimension is listed, in its order, even at 0.
 */
class RequeteFiguresTest {

    private static final List<String> AGES = List.of("MOINS_25", "25_29", "30_39", "40_49", "50_64", "65_74", "75_PLUS",
            "NON_RENSEIGNE");
    private static final List<String> RESERVATAIRES = List.of("ETAT", "ETAT_FONCTIONNAIRES", "ACTION_LOGEMENT",
            "COLLECTIVITE", "BAILLEUR", "AUTRE", "NON_RENSEIGNE");

    @Test
    void demandesEnCoursByAgeAndMutationInADepartement() {
        // mini README, section 3, dép. 06 at 31 Dec 2024: (mutation / hors mutation)
        // < 25: N02 A02 (0/2) · 25–29: N01 (1/0) · 30–39: N03 N11 (0/2) · 40–49: N04 N05 N18 (1/2) ·
        // 50–64: N06 N07 (1/1) · 65–74: N08 A01 (1/1) · 75+: N09 (0/1) · NR: N10 (0/1) — 14 (4/10)
        RequeteResult r = RequeteFixtures.mini().run(definition("population", "en-cours", "date", "2024-12-31",
                "dimension", "tranche-age", "dimension", "mutation", "departement", "06"));
        assertEquals(List.of("MOINS_25=0/2", "25_29=1/0", "30_39=0/2", "40_49=1/2", "50_64=1/1", "65_74=1/1",
                "75_PLUS=0/1", "NON_RENSEIGNE=0/1", "Total=4/10"), counts(r));
        assertEquals(14, r.total());
        assertEquals(List.of(2L, 1L, 2L, 3L, 2L, 2L, 1L, 1L), r.lines().stream().map(RequeteResult.Line::total).toList());
        assertEquals(List.of("Demandeur déjà locataire HLM (mutation)", "Hors mutation"),
                r.columns().stream().map(RequeteResult.Category::label).toList());
        assertEquals("< 25 ans", r.lines().get(0).label());
        assertEquals("Tranche d'âge", r.rowHeader());
        assertEquals("stacked-bar", r.chart());
        assertEquals("Demandes en cours au 31/12/2024 par tranche d'âge du demandeur et par mutation / hors mutation",
                r.title());
        assertEquals(List.of("Département : 06 – Alpes-Maritimes",
                "Demandes de personnes morales (associations) : exclues"), r.scope());
        assertTrue(r.notes().contains(DuckDbRequetes.EXACT_NOTE));
        assertTrue(r.notes().contains("Source : SNE, extraction du 15/01/2025."));
        assertEquals(LocalDate.of(2025, 1, 15), r.dataDate());
    }

    @Test
    void bothDepartementsEpciAndCommunes() {
        // national, mini README section 3: 4 per bracket but 75+ and NR, 2 each — 28
        assertEquals(List.of("MOINS_25=4", "25_29=4", "30_39=4", "40_49=4", "50_64=4", "65_74=4", "75_PLUS=2",
                "NON_RENSEIGNE=2", "Total=28"), counts(ageIn("departement", "06", "departement", "69")));
        // EPCI 200030195 = Nice: N02 · N01 · N03 N11 · N04 N05 N18 · N06 N07 · N08 · N09 · N10 — 12
        assertEquals(List.of("MOINS_25=1", "25_29=1", "30_39=2", "40_49=3", "50_64=2", "65_74=1", "75_PLUS=1",
                "NON_RENSEIGNE=1", "Total=12"), counts(ageIn("departement", "06", "epci", "200030195")));
        // Antibes: A01 (born 1958, 66) and A02 (2004, 20)
        assertEquals(List.of("MOINS_25=1", "25_29=0", "30_39=0", "40_49=0", "50_64=0", "65_74=1", "75_PLUS=0",
                "NON_RENSEIGNE=0", "Total=2"), counts(ageIn("departement", "06", "communes", "06004")));
        // Lyon and Villeurbanne, both written in one value: dép. 69 (L01 L02 L05 L08 chose an arrondissement of Lyon)
        assertEquals(List.of("MOINS_25=2", "25_29=3", "30_39=2", "40_49=1", "50_64=2", "65_74=2", "75_PLUS=1",
                "NON_RENSEIGNE=1", "Total=14"), counts(ageIn("departement", "69", "communes", "69123, 69266")));
    }

    private static RequeteResult ageIn(String... territory) {
        String[] p = new String[6 + territory.length];
        System.arraycopy(new String[]{"population", "en-cours", "date", "2024-12-31", "dimension", "tranche-age"}, 0, p, 0, 6);
        System.arraycopy(territory, 0, p, 6, territory.length);
        return RequeteFixtures.mini().run(definition(p));
    }

    @Test
    void demandesEnCoursAtOtherDates() {
        // 31 Dec 2023 = the stock at 1 January 2024 (mini README, TAB01-01): 06 11 (5/6), 69 14 (8/6), 25 (13/12)
        RequeteResult end2023 = RequeteFixtures.mini().run(definition("population", "en-cours", "date", "2023-12-31",
                "dimension", "mutation", "departement", "06", "departement", "69"));
        assertEquals(List.of("MUTATION=13", "HORS_MUTATION=12", "Total=25"), counts(end2023));
        assertEquals("bar", end2023.chart());
        // 30 June 2024 (TAB02-03's June): 06 14, 69 14 (L15 radiated on 06-30 is out, V04 too)
        for (String dep : List.of("06", "69")) {
            assertEquals(14, RequeteFixtures.mini().run(definition("population", "en-cours", "date", "2024-06-30",
                    "dimension", "canal", "departement", dep)).total(), dep);
        }
        // without a date: at the extraction, 2025-01-15 — December's 28 + N17 (created 01-05), N18 radiated (attribution 01-10)
        RequeteResult now = RequeteFixtures.mini().run(definition("population", "en-cours", "dimension", "canal",
                "departement", "06", "departement", "69"));
        assertEquals(LocalDate.of(2025, 1, 15), now.start());
        assertEquals(28, now.total());
    }

    @Test
    void filtersOnCategoriesAndGuichets() {
        // canal PGP: N10 (age empty), A02 (20), L08 (84)
        RequeteResult pgp = RequeteFixtures.mini().run(definition("population", "en-cours", "date", "2024-12-31",
                "dimension", "tranche-age", "departement", "06", "departement", "69", "filtre", "canal:PGP"));
        assertEquals(List.of("MOINS_25=1", "25_29=0", "30_39=0", "40_49=0", "50_64=0", "65_74=0", "75_PLUS=1",
                "NON_RENSEIGNE=1", "Total=3"), counts(pgp));
        assertTrue(pgp.scope().contains("Canal de dépôt : Portail grand public"), pgp.scope().toString());
        // the other channel, and both (a filter's categories are alternatives): 25, 28
        assertEquals(25, RequeteFixtures.mini().run(definition("population", "en-cours", "date", "2024-12-31",
                "dimension", "canal", "departement", "06", "departement", "69", "filtre", "canal:GUICHET")).total());
        assertEquals(28, RequeteFixtures.mini().run(definition("population", "en-cours", "date", "2024-12-31",
                "dimension", "canal", "departement", "06", "departement", "69", "filtre", "canal:GUICHET",
                "filtre", "canal:PGP")).total());
        // two filters hold together: PGP and mutation — none (N10 LOCATAIRE_PRIVE, A02 CHEZ_PARENTS, L08 LOCATAIRE_PRIVE)
        RequeteResult none = RequeteFixtures.mini().run(definition("population", "en-cours", "date", "2024-12-31",
                "dimension", "tranche-age", "departement", "06", "departement", "69", "filtre", "canal:PGP",
                "filtre", "mutation:MUTATION"));
        assertEquals(0, none.total());
        assertEquals(8, none.lines().size(), "every category listed, even at 0");

        // serie06, 31 March 2025, associations comprises (attendus-serie-06.md, section 2, indicator 20):
        // B06001 13 (PGP: A13 A15), B06002 9 (PGP: B11; B09 is an association)
        assertEquals(List.of("GUICHET=11", "PGP=2", "Total=13"), counts(canalAtGuichets("incluses", "B06001")));
        assertEquals(List.of("GUICHET=8", "PGP=1", "Total=9"), counts(canalAtGuichets("incluses", "B06002")));
        assertEquals(List.of("GUICHET=19", "PGP=3", "Total=22"), counts(canalAtGuichets("incluses", "B06001 B06002")));
        assertEquals(List.of("GUICHET=7", "PGP=1", "Total=8"), counts(canalAtGuichets("exclues", "B06002")));
        assertEquals(List.of("GUICHET=1", "PGP=0", "Total=1"), counts(canalAtGuichets("seules", "B06002")));
        RequeteResult both = canalAtGuichets("incluses", "B06001,B06002");
        assertTrue(both.scope().contains("Guichet de rattachement de la demande : B06001 – Azur Habitat, B06002 – Antibes"
                + " Logement"), both.scope().toString());
    }

    private static RequeteResult canalAtGuichets(String associations, String guichets) {
        return RequeteFixtures.serie06().run(definition("population", "en-cours", "date", "2025-03-31",
                "dimension", "canal", "departement", "06", "guichet", guichets, "associations", associations));
    }

    @Test
    void demandesSatisfaitesOverAPeriod() {
        // mini README section 4, TAB04-10, 2024: A03 N12 ETAT · V04 ETAT_FONCTIONNAIRES · L12 ACTION_LOGEMENT ·
        // N16 COLLECTIVITE · L13 BAILLEUR · L18 AUTRE · L17 empty — 8; dép. 69: 5
        RequeteResult year = reservataires("2024-01-01", "2024-12-31", "exclues", "06", "69");
        assertEquals(List.of("ETAT=2", "ETAT_FONCTIONNAIRES=1", "ACTION_LOGEMENT=1", "COLLECTIVITE=1", "BAILLEUR=1",
                "AUTRE=1", "NON_RENSEIGNE=1", "Total=8"), counts(year));
        assertEquals("Demandes satisfaites du 01/01/2024 au 31/12/2024 par type de réservataire", year.title());
        assertEquals(RESERVATAIRES, year.lines().stream().map(RequeteResult.Line::key).toList());
        assertEquals(List.of("ETAT=0", "ETAT_FONCTIONNAIRES=1", "ACTION_LOGEMENT=1", "COLLECTIVITE=0", "BAILLEUR=1",
                "AUTRE=1", "NON_RENSEIGNE=1", "Total=5"), counts(reservataires("2024-01-01", "2024-12-31", "exclues", "69")));
        // both ends counted: N12 on 07-01, N16 on 12-31; L12 09-20, L13 11-05, L17 08-08
        assertEquals(List.of("ETAT=1", "ETAT_FONCTIONNAIRES=0", "ACTION_LOGEMENT=1", "COLLECTIVITE=1", "BAILLEUR=1",
                "AUTRE=0", "NON_RENSEIGNE=1", "Total=5"), counts(reservataires("2024-07-01", "2024-12-31", "exclues", "06", "69")));
        // the association N20 (ETAT, Nice, 2024-05-15)
        assertEquals(4, reservataires("2024-01-01", "2024-12-31", "incluses", "06").total());
        assertEquals(List.of("ETAT=1", "ETAT_FONCTIONNAIRES=0", "ACTION_LOGEMENT=0", "COLLECTIVITE=0", "BAILLEUR=0",
                "AUTRE=0", "NON_RENSEIGNE=0", "Total=1"), counts(reservataires("2024-01-01", "2024-12-31", "seules", "06")));
        // no du: from 1 January of au's year; N15 (2023-11-15) alone in 2023
        assertEquals(1, RequeteFixtures.mini().run(definition("population", "satisfaites", "au", "2023-12-31",
                "dimension", "reservataire", "departement", "06")).total());
    }

    private static RequeteResult reservataires(String du, String au, String associations, String... departements) {
        List<String> p = new java.util.ArrayList<>(List.of("population", "satisfaites", "du", du, "au", au,
                "dimension", "reservataire", "associations", associations));
        for (String d : departements) {
            p.add("departement");
            p.add(d);
        }
        return RequeteFixtures.mini().run(definition(p.toArray(String[]::new)));
    }

    @Test
    void demandesSatisfaitesReadTheAttributionsFields() {
        // attendus-serie-04.md section 2: QPV 3 (3/0) N12 L12 L18 · hors QPV 3 (1/2) V04 N16 L13 · NR 2 (0/2) A03 L17
        RequeteResult qpv = RequeteFixtures.serie04().run(definition("population", "satisfaites", "du", "2024-01-01",
                "au", "2024-12-31", "dimension", "qpv", "dimension", "mutation", "departement", "06", "departement", "69"));
        assertEquals(List.of("QPV=3/0", "HORS_QPV=1/2", "NON_RENSEIGNE=0/2", "Total=4/4"), counts(qpv));
        // DALO (from the attribution or the demande): N12 (QPV), L12 (QPV), V04 (hors QPV)
        RequeteResult dalo = RequeteFixtures.serie04().run(definition("population", "satisfaites", "du", "2024-01-01",
                "au", "2024-12-31", "dimension", "qpv", "departement", "06", "departement", "69",
                "filtre", "dalo-prioritaire:DALO"));
        assertEquals(List.of("QPV=2", "HORS_QPV=1", "NON_RENSEIGNE=0", "Total=3"), counts(dalo));
        // the typologie attributed (not the one sought): T1 N12 · T2 N16 V04 · T3 L18 · T4 A03 · T5 L12 · T6 L13 · NR L17
        RequeteResult typologie = RequeteFixtures.serie04().run(definition("population", "satisfaites", "du", "2024-01-01",
                "au", "2024-12-31", "dimension", "typologie", "departement", "06", "departement", "69"));
        assertEquals(List.of("T1=1", "T2=2", "T3=1", "T4=1", "T5=1", "T6=1", "NON_RENSEIGNE=1", "Total=8"),
                counts(typologie));
    }

    @Test
    void theOptionsListWhatEachPopulationCanBeCountedBy() {
        RequeteOptions options = RequeteFixtures.mini().options();
        assertEquals(LocalDate.of(2025, 1, 15), options.dataDate());
        assertEquals(LocalDate.of(2023, 1, 1), options.coveredFrom());
        List<String> enCours = options.dimensions(Population.EN_COURS).stream().map(RequeteOptions.DimensionChoice::name).toList();
        List<String> satisfaites = options.dimensions(Population.SATISFAITES).stream()
                .map(RequeteOptions.DimensionChoice::name).toList();
        assertTrue(enCours.containsAll(List.of("anciennete", "canal", "composition-familiale", "dalo-prioritaire",
                "handicap", "logement-actuel", "motif", "mutation", "nationalite", "plafonds", "revenus-mensuels",
                "situation-familiale", "situation-professionnelle", "taille-menage", "tranche-age", "typologie")), enCours.toString());
        assertFalse(enCours.contains("reservataire"), "an attribution's field");
        assertFalse(enCours.contains("qpv"));
        assertTrue(satisfaites.containsAll(List.of("reservataire", "qpv", "typologie", "tranche-age", "plafonds")));
        for (String none : List.of("quartile-uc", "mois", "trimestres", "annees-3", "mouvements-stock")) {
            assertFalse(enCours.contains(none) || satisfaites.contains(none), none);
        }
        assertEquals(List.of("06", "69"), options.departements().stream().map(t -> t.code()).toList());
        // every EPCI of the départements covered (the COG's), with the départements of their communes
        RequeteOptions.Epci lyon = options.epci().stream().filter(e -> e.code().equals("200046977")).findFirst().orElseThrow();
        assertEquals(List.of("69"), lyon.departements());
        assertTrue(options.epci().stream().anyMatch(e -> e.code().equals("200030195")));
        assertEquals(AGES, options.dimensions().stream().filter(d -> d.name().equals("tranche-age")).findFirst()
                .orElseThrow().categories().stream().map(RequeteResult.Category::key).toList());
        assertEquals(Limits.DEFAULT.timeout(), options.timeout());
    }
}
