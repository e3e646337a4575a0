package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import fr.infocentre.warehouse.fixtures.Series03Reference;


import fr.infocentre.warehouse.fixtures.Series03Reference.Demande;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static fr.infocentre.warehouse.fixtures.MiniWarehouse.LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.NICE;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.VILLEURBANNE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The series-03 rapports (demandes en cours at 31 December, hors associations) on the mini
 * extract, year 2024, at every level. Expected figures come from {@link Series03Reference}, a
 * plain-Java route over the fixture's CSV files; the categories (keys, order, labels) are those
 * of the spec's Dimensions table, written out here.
 */
class Tab03SeriesTest {

    static final int YEAR = 2024;
    static final LocalDate END = LocalDate.of(YEAR, 12, 31);
    static final String ANTIBES = "06004";

    /** One rapport: its id, its categories (keys and labels, in order), its derivation, its split. */
    record Case(String id, List<String> keys, List<String> labels, Function<Demande, String> category,
               boolean mutation) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static Case cases(String id, List<String> keys, List<String> labels,
                           Function<Function<String, String>, String> definition) {
        return new Case(id, keys, labels, d -> definition.apply(d::field), true);
    }

    static List<Case> rapports() {
        String nr = "Non renseigné";
        return List.of(
                cases("TAB03-01", List.of("MOINS_1", "1_2", "2_3", "3_4", "4_5", "5_10", "10_PLUS"),
                        List.of("< 1 an", "1 à < 2 ans", "2 à < 3 ans", "3 à < 4 ans", "4 à < 5 ans", "5 à < 10 ans",
                                "10 ans et plus"),
                        f -> Series03Reference.anciennete(f, END)),
                cases("TAB03-03", List.of("FR", "UE", "HORS_UE", "NON_RENSEIGNE"),
                        List.of("Française", "Union européenne", "Hors Union européenne", nr),
                        Series03Reference::nationalite),
                cases("TAB03-04", List.of("1", "2", "3", "4", "5", "6_PLUS", "NON_RENSEIGNE"),
                        List.of("1 personne", "2 personnes", "3 personnes", "4 personnes", "5 personnes",
                                "6 personnes et plus", nr),
                        Series03Reference::tailleMenage),
                cases("TAB03-05", List.of("PERSONNE_SEULE", "COUPLE_SANS_ENFANT", "COUPLE_AVEC_ENFANTS",
                                "FAMILLE_MONOPARENTALE", "AUTRE", "NON_RENSEIGNE"),
                        List.of("Personne seule", "Couple sans enfant", "Couple avec enfant(s)", "Famille monoparentale",
                                "Autre", nr),
                        Series03Reference::compositionFamiliale),
                cases("TAB03-06", List.of("CDI_FONCTIONNAIRE", "CDD_INTERIM_APPRENTI", "INDEPENDANT", "CHOMAGE", "RETRAITE",
                                "ETUDIANT", "SANS_EMPLOI_AUTRE", "NON_RENSEIGNE"),
                        List.of("CDI ou fonctionnaire", "CDD / intérim / apprenti", "Indépendant", "Chômage", "Retraite",
                                "Étudiant", "Sans emploi / autre", nr),
                        Series03Reference::situationProfessionnelle),
                cases("TAB03-07", List.of("CELIBATAIRE", "MARIE", "PACSE", "CONCUBIN", "DIVORCE_SEPARE", "VEUF",
                                "NON_RENSEIGNE"),
                        List.of("Célibataire", "Marié(e)", "Pacsé(e)", "Concubinage", "Divorcé(e) / séparé(e)", "Veuf(ve)",
                                nr),
                        Series03Reference::situationFamiliale),
                cases("TAB03-08", List.of("AUCUN", "MOINS_500", "500_999", "1000_1499", "1500_1999", "2000_2999",
                                "3000_PLUS", "NON_RENSEIGNE"),
                        List.of("Aucun", "< 500 €", "500–999 €", "1 000–1 499 €", "1 500–1 999 €", "2 000–2 999 €",
                                "3 000 € et plus", nr),
                        Series03Reference::revenusMensuels),
                cases("TAB03-10", List.of("LOCATAIRE_HLM", "LOCATAIRE_PRIVE", "PROPRIETAIRE", "CHEZ_PARENTS",
                                "CHEZ_PARTICULIER", "STRUCTURE_HEBERGEMENT", "FOYER_RESIDENCE",
                                "SANS_ABRI_MOBILE_SANS_TITRE", "AUTRE", "NON_RENSEIGNE"),
                        List.of("Locataire HLM", "Locataire parc privé", "Propriétaire", "Hébergé chez des parents / enfants",
                                "Hébergé chez un particulier", "Structure d'hébergement / CDEF / hôtel",
                                "Foyer / résidence sociale / résidence étudiante", "Sans abri / habitat mobile / sans titre",
                                "Autre", nr),
                        Series03Reference::logementActuel),
                cases("TAB03-11", List.of("SANS_LOGEMENT_HEBERGE", "TROP_CHER", "TAILLE_INADAPTEE", "NON_DECENT_INSALUBRE",
                                "PERTE_LOGEMENT", "EVOLUTION_FAMILIALE", "VIOLENCES", "HANDICAP_SANTE",
                                "RAPPROCHEMENT_TRAVAIL", "FAMILLE_ENVIRONNEMENT", "AUTRE", "NON_RENSEIGNE"),
                        List.of("Sans logement ou hébergé", "Logement trop cher", "Logement trop petit ou trop grand",
                                "Logement non décent ou insalubre",
                                "Perte du logement (expulsion, vente ou reprise, renouvellement urbain)",
                                "Divorce, séparation ou décohabitation", "Violences familiales",
                                "Handicap ou raisons de santé",
                                "Rapprochement du lieu de travail, mutation professionnelle",
                                "Rapprochement familial, environnement", "Autre motif", nr),
                        Series03Reference::motif),
                cases("TAB03-12", List.of("T1", "T2", "T3", "T4", "T5", "T6", "NON_RENSEIGNE"),
                        List.of("T1", "T2", "T3", "T4", "T5", "T6 et plus", nr),
                        Series03Reference::typologie),
                new Case("TAB03-13", List.of("MUTATION", "HORS_MUTATION"),
                        List.of("Demandeur déjà locataire HLM (mutation)", "Hors mutation"),
                        d -> Series03Reference.mutation(d::field), false),
                cases("TAB03-14", List.of("OUI", "NON", "NON_RENSEIGNE"),
                        List.of("Ménage comprenant une personne handicapée", "Ménage sans personne handicapée", nr),
                        Series03Reference::handicap),
                cases("TAB03-15", List.of("DALO", "PRIORITAIRE_HORS_DALO", "NON_PRIORITAIRE", "NON_RENSEIGNE"),
                        List.of("Reconnue prioritaire et urgente (DALO)", "Prioritaire (art. L441-1 CCH) hors DALO",
                                "Ni DALO ni prioritaire", nr),
                        Series03Reference::daloPrioritaire),
                cases("TAB03-17", List.of("GUICHET", "PGP"), List.of("Guichet enregistreur", "Portail grand public"),
                        Series03Reference::canal));
    }

    /** Every territory of the fixture, each level. */
    static final List<Object[]> TERRITOIRES = List.of(
            new Object[]{Level.NATIONAL, "FR"},
            new Object[]{Level.REGION, "93"}, new Object[]{Level.REGION, "84"},
            new Object[]{Level.DEPARTEMENT, "06"}, new Object[]{Level.DEPARTEMENT, "69"},
            new Object[]{Level.EPCI, METROPOLE_NICE}, new Object[]{Level.EPCI, METROPOLE_LYON},
            new Object[]{Level.EPCI, "240600585"},
            new Object[]{Level.COMMUNE, NICE}, new Object[]{Level.COMMUNE, ANTIBES},
            new Object[]{Level.COMMUNE, LYON}, new Object[]{Level.COMMUNE, VILLEURBANNE});

    private static List<Demande> enCours;

    @BeforeAll
    static void reference() {
        enCours = Series03Reference.demandesEnCours(MiniWarehouse.EXTRACT, END);
        assertEquals(28, enCours.size(), "the README's 28 demandes en cours at 31 Dec 2024");
    }

    private static RapportTable compute(String id, Level level, String code) {
        return MiniWarehouse.unprotected().compute(id, level, code, YEAR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rapports")
    void categoriesInTheSpecsOrderWithItsLabels(Case cases) {
        RapportTable t = compute(cases.id(), Level.NATIONAL, "FR");
        assertEquals(cases.keys(), Cells.keys(t));
        assertEquals(cases.labels(), t.lines().stream().map(l -> l.get("categorie")).toList());
        assertEquals("Total", t.total().get("categorie"));
        List<String> columns = t.columns().stream().map(Column::key).toList();
        assertEquals(cases.mutation() ? List.of("categorie", "effectif", "part", "mutation", "hors_mutation")
                : List.of("categorie", "effectif", "part"), columns);
        assertEquals("03", t.rapport().series());
        assertEquals(List.of(Level.values()), t.rapport().levels());
        assertTrue(t.notes().contains("Demandes actives au 31 décembre 2024."), t.notes().toString());
        assertTrue(t.notes().stream().anyMatch(n -> n.startsWith("Hors associations")), t.notes().toString());
    }

    /** Counts, splits, shares, total at every level, against the plain-Java route. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rapports")
    void figuresAtEveryLevelMatchTheReference(Case cases) {
        for (Object[] territoire : TERRITOIRES) {
            Level level = (Level) territoire[0];
            String code = (String) territoire[1];
            String or = cases.id() + " " + level.key() + " " + code;
            RapportTable t = compute(cases.id(), level, code);
            Map<String, long[]> expected = Series03Reference.count(enCours, cases.category(), level, code);
            assertTrue(cases.keys().containsAll(expected.keySet()), or + ": reference categories " + expected.keySet());
            long total = expected.values().stream().mapToLong(n -> n[0] + n[1]).sum();
            long totalMutation = expected.values().stream().mapToLong(n -> n[0]).sum();
            assertTrue(total > 0, or);
            for (String key : cases.keys()) {
                long[] n = expected.getOrDefault(key, new long[2]);
                Map<String, Object> line = Cells.line(t, key);
                assertEquals(n[0] + n[1], line.get("effectif"), or + " " + key + " effectif");
                assertEquals(percentage(n[0] + n[1], total), line.get("part"), or + " " + key + " part");
                if (cases.mutation()) {
                    assertEquals(n[0], line.get("mutation"), or + " " + key + " mutation");
                    assertEquals(n[1], line.get("hors_mutation"), or + " " + key + " hors_mutation");
                }
            }
            assertEquals(total, t.total().get("effectif"), or + " total");
            if (cases.mutation()) {
                assertEquals(totalMutation, t.total().get("mutation"), or + " total mutation");
                assertEquals(total - totalMutation, t.total().get("hors_mutation"), or);
            }
            double sum = t.lines().stream().mapToDouble(l -> (Double) l.get("part")).sum();
            assertEquals(100.0, sum, 0.05 * cases.keys().size() + 1e-9, or + " shares sum to about 100");
            assertEquals(100.0, t.total().get("part"), or);
        }
    }

    /** Cross-check between rapports: every series-03 total equals TAB03-02's, at every level. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rapports")
    void totalEqualsTab0302(Case cases) {
        for (Object[] territoire : TERRITOIRES) {
            Level level = (Level) territoire[0];
            String code = (String) territoire[1];
            Map<String, Object> total = compute(cases.id(), level, code).total();
            Map<String, Object> age = compute("TAB03-02", level, code).total();
            assertEquals(age.get("effectif"), total.get("effectif"), cases.id() + " " + code);
            if (cases.mutation()) {
                assertEquals(age.get("mutation"), total.get("mutation"), cases.id() + " " + code);
                assertEquals(age.get("hors_mutation"), total.get("hors_mutation"), cases.id() + " " + code);
            } else {
                // TAB03-13's two lines are TAB03-02's two split totals
                RapportTable t = compute(cases.id(), level, code);
                assertEquals(age.get("mutation"), Cells.line(t, "MUTATION").get("effectif"), code);
                assertEquals(age.get("hors_mutation"), Cells.line(t, "HORS_MUTATION").get("effectif"), code);
            }
        }
    }

    /** Every series-03 rapport is in the catalogue, in order, between TAB03-02's neighbours. */
    @Test
    void catalogueListsTheSeriesInOrder() {
        List<String> ids = MiniWarehouse.unprotected().catalogue().stream().map(Rapport::id)
                .filter(id -> id.startsWith("TAB03-")).toList();
        List<String> expected = new ArrayList<>(rapports().stream().map(Case::id).toList());
        assertTrue(ids.containsAll(expected), ids.toString());
        List<String> order = ids.stream().filter(expected::contains).toList();
        assertEquals(expected, order);
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids, "series 03 in numeric order");
        assertFalse(ids.isEmpty());
        assertNotNull(MiniWarehouse.unprotected().rapport("TAB03-17").orElse(null));
    }

    static Double percentage(long n, long total) {
        return BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
