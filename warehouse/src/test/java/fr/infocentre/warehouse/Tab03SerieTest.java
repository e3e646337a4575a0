package fr.infocentre.warehouse;

import fr.infocentre.warehouse.ReferenceSerie03.Demande;
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

import static fr.infocentre.warehouse.EntrepotMini.LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static fr.infocentre.warehouse.EntrepotMini.NICE;
import static fr.infocentre.warehouse.EntrepotMini.VILLEURBANNE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The series-03 rapports (demandes en cours at 31 December, hors associations) on the mini
 * extract, year 2024, at every level. Expected figures come from {@link ReferenceSerie03}, a
 * plain-Java route over the fixture's CSV files; the categories (keys, order, labels) are those
 * of the spec's Dimensions table, written out here.
 */
class Tab03SerieTest {

    static final int ANNEE = 2024;
    static final LocalDate FIN = LocalDate.of(ANNEE, 12, 31);
    static final String ANTIBES = "06004";

    /** One rapport: its id, its categories (keys and labels, in order), its derivation, its split. */
    record Cas(String id, List<String> cles, List<String> libelles, Function<Demande, String> categorie,
               boolean mutation) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static Cas cas(String id, List<String> cles, List<String> libelles,
                           Function<Function<String, String>, String> definition) {
        return new Cas(id, cles, libelles, d -> definition.apply(d::champ), true);
    }

    static List<Cas> rapports() {
        String nr = "Non renseigné";
        return List.of(
                cas("TAB03-01", List.of("MOINS_1", "1_2", "2_3", "3_4", "4_5", "5_10", "10_PLUS"),
                        List.of("< 1 an", "1 à < 2 ans", "2 à < 3 ans", "3 à < 4 ans", "4 à < 5 ans", "5 à < 10 ans",
                                "10 ans et plus"),
                        f -> ReferenceSerie03.anciennete(f, FIN)),
                cas("TAB03-03", List.of("FR", "UE", "HORS_UE", "NON_RENSEIGNE"),
                        List.of("Française", "Union européenne", "Hors Union européenne", nr),
                        ReferenceSerie03::nationalite),
                cas("TAB03-04", List.of("1", "2", "3", "4", "5", "6_PLUS", "NON_RENSEIGNE"),
                        List.of("1 personne", "2 personnes", "3 personnes", "4 personnes", "5 personnes",
                                "6 personnes et plus", nr),
                        ReferenceSerie03::tailleMenage),
                cas("TAB03-05", List.of("PERSONNE_SEULE", "COUPLE_SANS_ENFANT", "COUPLE_AVEC_ENFANTS",
                                "FAMILLE_MONOPARENTALE", "AUTRE", "NON_RENSEIGNE"),
                        List.of("Personne seule", "Couple sans enfant", "Couple avec enfant(s)", "Famille monoparentale",
                                "Autre", nr),
                        ReferenceSerie03::compositionFamiliale),
                cas("TAB03-06", List.of("CDI_FONCTIONNAIRE", "CDD_INTERIM_APPRENTI", "INDEPENDANT", "CHOMAGE", "RETRAITE",
                                "ETUDIANT", "SANS_EMPLOI_AUTRE", "NON_RENSEIGNE"),
                        List.of("CDI ou fonctionnaire", "CDD / intérim / apprenti", "Indépendant", "Chômage", "Retraite",
                                "Étudiant", "Sans emploi / autre", nr),
                        ReferenceSerie03::situationProfessionnelle),
                cas("TAB03-07", List.of("CELIBATAIRE", "MARIE", "PACSE", "CONCUBIN", "DIVORCE_SEPARE", "VEUF",
                                "NON_RENSEIGNE"),
                        List.of("Célibataire", "Marié(e)", "Pacsé(e)", "Concubinage", "Divorcé(e) / séparé(e)", "Veuf(ve)",
                                nr),
                        ReferenceSerie03::situationFamiliale),
                cas("TAB03-08", List.of("AUCUN", "MOINS_500", "500_999", "1000_1499", "1500_1999", "2000_2999",
                                "3000_PLUS", "NON_RENSEIGNE"),
                        List.of("Aucun", "< 500 €", "500–999 €", "1 000–1 499 €", "1 500–1 999 €", "2 000–2 999 €",
                                "3 000 € et plus", nr),
                        ReferenceSerie03::revenusMensuels),
                cas("TAB03-10", List.of("LOCATAIRE_HLM", "LOCATAIRE_PRIVE", "PROPRIETAIRE", "CHEZ_PARENTS",
                                "CHEZ_PARTICULIER", "STRUCTURE_HEBERGEMENT", "FOYER_RESIDENCE",
                                "SANS_ABRI_MOBILE_SANS_TITRE", "AUTRE", "NON_RENSEIGNE"),
                        List.of("Locataire HLM", "Locataire parc privé", "Propriétaire", "Hébergé chez des parents / enfants",
                                "Hébergé chez un particulier", "Structure d'hébergement / CDEF / hôtel",
                                "Foyer / résidence sociale / résidence étudiante", "Sans abri / habitat mobile / sans titre",
                                "Autre", nr),
                        ReferenceSerie03::logementActuel),
                cas("TAB03-11", List.of("SANS_LOGEMENT_HEBERGE", "TROP_CHER", "TAILLE_INADAPTEE", "NON_DECENT_INSALUBRE",
                                "PERTE_LOGEMENT", "EVOLUTION_FAMILIALE", "VIOLENCES", "HANDICAP_SANTE",
                                "RAPPROCHEMENT_TRAVAIL", "FAMILLE_ENVIRONNEMENT", "AUTRE", "NON_RENSEIGNE"),
                        List.of("Sans logement ou hébergé", "Logement trop cher", "Logement trop petit ou trop grand",
                                "Logement non décent ou insalubre",
                                "Perte du logement (expulsion, vente ou reprise, renouvellement urbain)",
                                "Divorce, séparation ou décohabitation", "Violences familiales",
                                "Handicap ou raisons de santé",
                                "Rapprochement du lieu de travail, mutation professionnelle",
                                "Rapprochement familial, environnement", "Autre motif", nr),
                        ReferenceSerie03::motif),
                cas("TAB03-12", List.of("T1", "T2", "T3", "T4", "T5", "T6", "NON_RENSEIGNE"),
                        List.of("T1", "T2", "T3", "T4", "T5", "T6 et plus", nr),
                        ReferenceSerie03::typologie),
                new Cas("TAB03-13", List.of("MUTATION", "HORS_MUTATION"),
                        List.of("Demandeur déjà locataire HLM (mutation)", "Hors mutation"),
                        d -> ReferenceSerie03.mutation(d::champ), false),
                cas("TAB03-14", List.of("OUI", "NON", "NON_RENSEIGNE"),
                        List.of("Ménage comprenant une personne handicapée", "Ménage sans personne handicapée", nr),
                        ReferenceSerie03::handicap),
                cas("TAB03-15", List.of("DALO", "PRIORITAIRE_HORS_DALO", "NON_PRIORITAIRE", "NON_RENSEIGNE"),
                        List.of("Reconnue prioritaire et urgente (DALO)", "Prioritaire (art. L441-1 CCH) hors DALO",
                                "Ni DALO ni prioritaire", nr),
                        ReferenceSerie03::daloPrioritaire),
                cas("TAB03-17", List.of("GUICHET", "PGP"), List.of("Guichet enregistreur", "Portail grand public"),
                        ReferenceSerie03::canal));
    }

    /** Every territory of the fixture, each level. */
    static final List<Object[]> TERRITOIRES = List.of(
            new Object[]{Niveau.NATIONAL, "FR"},
            new Object[]{Niveau.REGION, "93"}, new Object[]{Niveau.REGION, "84"},
            new Object[]{Niveau.DEPARTEMENT, "06"}, new Object[]{Niveau.DEPARTEMENT, "69"},
            new Object[]{Niveau.EPCI, METROPOLE_NICE}, new Object[]{Niveau.EPCI, METROPOLE_LYON},
            new Object[]{Niveau.EPCI, "240600585"},
            new Object[]{Niveau.COMMUNE, NICE}, new Object[]{Niveau.COMMUNE, ANTIBES},
            new Object[]{Niveau.COMMUNE, LYON}, new Object[]{Niveau.COMMUNE, VILLEURBANNE});

    private static List<Demande> enCours;

    @BeforeAll
    static void reference() {
        enCours = ReferenceSerie03.demandesEnCours(EntrepotMini.EXTRAIT, FIN);
        assertEquals(28, enCours.size(), "the README's 28 demandes en cours at 31 Dec 2024");
    }

    private static RapportTable calculer(String id, Niveau niveau, String code) {
        return EntrepotMini.nonProtege().calculer(id, niveau, code, ANNEE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rapports")
    void categoriesInTheSpecsOrderWithItsLabels(Cas cas) {
        RapportTable t = calculer(cas.id(), Niveau.NATIONAL, "FR");
        assertEquals(cas.cles(), Cellules.cles(t));
        assertEquals(cas.libelles(), t.lignes().stream().map(l -> l.get("categorie")).toList());
        assertEquals("Total", t.total().get("categorie"));
        List<String> colonnes = t.colonnes().stream().map(Colonne::cle).toList();
        assertEquals(cas.mutation() ? List.of("categorie", "effectif", "part", "mutation", "hors_mutation")
                : List.of("categorie", "effectif", "part"), colonnes);
        assertEquals("03", t.rapport().serie());
        assertEquals(List.of(Niveau.values()), t.rapport().niveaux());
        assertTrue(t.notes().contains("Demandes actives au 31 décembre 2024."), t.notes().toString());
        assertTrue(t.notes().stream().anyMatch(n -> n.startsWith("Hors associations")), t.notes().toString());
    }

    /** Counts, splits, shares, total at every level, against the plain-Java route. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rapports")
    void figuresAtEveryLevelMatchTheReference(Cas cas) {
        for (Object[] territoire : TERRITOIRES) {
            Niveau niveau = (Niveau) territoire[0];
            String code = (String) territoire[1];
            String ou = cas.id() + " " + niveau.cle() + " " + code;
            RapportTable t = calculer(cas.id(), niveau, code);
            Map<String, long[]> attendu = ReferenceSerie03.compter(enCours, cas.categorie(), niveau, code);
            assertTrue(cas.cles().containsAll(attendu.keySet()), ou + ": reference categories " + attendu.keySet());
            long total = attendu.values().stream().mapToLong(n -> n[0] + n[1]).sum();
            long totalMutation = attendu.values().stream().mapToLong(n -> n[0]).sum();
            assertTrue(total > 0, ou);
            for (String cle : cas.cles()) {
                long[] n = attendu.getOrDefault(cle, new long[2]);
                Map<String, Object> ligne = Cellules.ligne(t, cle);
                assertEquals(n[0] + n[1], ligne.get("effectif"), ou + " " + cle + " effectif");
                assertEquals(pourcentage(n[0] + n[1], total), ligne.get("part"), ou + " " + cle + " part");
                if (cas.mutation()) {
                    assertEquals(n[0], ligne.get("mutation"), ou + " " + cle + " mutation");
                    assertEquals(n[1], ligne.get("hors_mutation"), ou + " " + cle + " hors_mutation");
                }
            }
            assertEquals(total, t.total().get("effectif"), ou + " total");
            if (cas.mutation()) {
                assertEquals(totalMutation, t.total().get("mutation"), ou + " total mutation");
                assertEquals(total - totalMutation, t.total().get("hors_mutation"), ou);
            }
            double somme = t.lignes().stream().mapToDouble(l -> (Double) l.get("part")).sum();
            assertEquals(100.0, somme, 0.05 * cas.cles().size() + 1e-9, ou + " shares sum to about 100");
            assertEquals(100.0, t.total().get("part"), ou);
        }
    }

    /** Cross-check between rapports: every series-03 total equals TAB03-02's, at every level. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rapports")
    void totalEqualsTab0302(Cas cas) {
        for (Object[] territoire : TERRITOIRES) {
            Niveau niveau = (Niveau) territoire[0];
            String code = (String) territoire[1];
            Map<String, Object> total = calculer(cas.id(), niveau, code).total();
            Map<String, Object> age = calculer("TAB03-02", niveau, code).total();
            assertEquals(age.get("effectif"), total.get("effectif"), cas.id() + " " + code);
            if (cas.mutation()) {
                assertEquals(age.get("mutation"), total.get("mutation"), cas.id() + " " + code);
                assertEquals(age.get("hors_mutation"), total.get("hors_mutation"), cas.id() + " " + code);
            } else {
                // TAB03-13's two lines are TAB03-02's two split totals
                RapportTable t = calculer(cas.id(), niveau, code);
                assertEquals(age.get("mutation"), Cellules.ligne(t, "MUTATION").get("effectif"), code);
                assertEquals(age.get("hors_mutation"), Cellules.ligne(t, "HORS_MUTATION").get("effectif"), code);
            }
        }
    }

    /** Every series-03 rapport is in the catalogue, in order, between TAB03-02's neighbours. */
    @Test
    void catalogueListsTheSeriesInOrder() {
        List<String> ids = EntrepotMini.nonProtege().catalogue().stream().map(Rapport::id)
                .filter(id -> id.startsWith("TAB03-")).toList();
        List<String> attendus = new ArrayList<>(rapports().stream().map(Cas::id).toList());
        assertTrue(ids.containsAll(attendus), ids.toString());
        List<String> ordre = ids.stream().filter(attendus::contains).toList();
        assertEquals(attendus, ordre);
        List<String> triee = new ArrayList<>(ids);
        triee.sort(null);
        assertEquals(triee, ids, "series 03 in numeric order");
        assertFalse(ids.isEmpty());
        assertNotNull(EntrepotMini.nonProtege().rapport("TAB03-17").orElse(null));
    }

    static Double pourcentage(long n, long total) {
        return BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
