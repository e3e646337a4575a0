package fr.infocentre.warehouse;

import fr.infocentre.warehouse.TableCalculee.Effectif;
import fr.infocentre.warehouse.TableCalculee.Ligne;
import fr.infocentre.warehouse.TableCalculee.Valeur;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole catalogue on a generated extract ({@link EntrepotGenere}), on the tables as
 * computed (before the secret statistique): the level-by-level path of the publication gives
 * the same tables as the territory-by-territory one; the rapports of a series agree on the
 * stock at 31 December and on the attributions of the year; every count adds up from communes
 * to EPCI and département, from départements to region, from regions to France.
 */
class CatalogueCompletTest {

    private static EntrepotGenere.Brut brut;
    private static int annee;

    @BeforeAll
    static void ouvrir() {
        brut = EntrepotGenere.brut();
        annee = EntrepotGenere.annee();
    }

    private static List<Rapport> catalogue() {
        return brut.catalogue.rapports();
    }

    private static List<Rapport> serie(String serie) {
        return catalogue().stream().filter(r -> r.serie().equals(serie)).toList();
    }

    @Test
    void theExtractCoversSeveralTerritoriesOfEachLevel() {
        assertEquals(EntrepotGenere.DEPARTEMENTS, codes(Niveau.DEPARTEMENT));
        assertEquals(List.of("76", "93"), codes(Niveau.REGION));
        assertTrue(brut.geographie.territoires(Niveau.EPCI).size() > 5);
        assertTrue(brut.geographie.territoires(Niveau.COMMUNE).size() > 300);
        assertEquals(40, catalogue().size());
    }

    @Test
    void levelByLevelGivesTheTablesOfTerritoryByTerritory() {
        for (Rapport r : catalogue()) {
            for (Niveau niveau : r.niveaux()) {
                Map<String, TableCalculee> tables = brut.niveau(r.id(), niveau, annee);
                List<Territoire> territoires = brut.geographie.territoires(niveau);
                assertEquals(territoires.stream().map(Territoire::code).toList(), List.copyOf(tables.keySet()),
                        r.id() + " " + niveau + ": one table per territory, in code order");
                for (Territoire t : echantillon(territoires)) {
                    assertEquals(brut.territoire(r.id(), t, annee), tables.get(t.code()), r.id() + " " + t);
                }
            }
        }
    }

    @Test
    void allLevelsInOnePassGiveTheTablesOfEachLevel() {
        for (Rapport r : catalogue()) {
            List<TableCalculee> ensemble = brut.niveaux(r.id(), r.niveaux(), annee);
            List<TableCalculee> parNiveau = new ArrayList<>();
            for (Niveau niveau : r.niveaux()) {
                parNiveau.addAll(brut.niveau(r.id(), niveau, annee).values());
            }
            assertEquals(parNiveau, ensemble, r.id());
        }
    }

    /** Every territory up to départements, three EPCI and communes (territory by territory is slow). */
    private static List<Territoire> echantillon(List<Territoire> territoires) {
        if (territoires.size() <= 3) {
            return territoires;
        }
        return List.of(territoires.get(0), territoires.get(territoires.size() / 2),
                territoires.get(territoires.size() - 1));
    }

    @Test
    void everySerie03TotalIsTheStockAt31December() {
        for (Niveau niveau : List.of(Niveau.NATIONAL, Niveau.REGION, Niveau.DEPARTEMENT, Niveau.EPCI)) {
            Map<String, TableCalculee> flux = brut.niveau("TAB01-01", niveau, annee);
            Map<String, TableCalculee> troisAns = brut.niveau("TAB02-02", niveau, annee);
            Map<String, TableCalculee> cinqAns = brut.niveau("TAB02-05", niveau, annee);
            for (Rapport r : serie("03")) {
                Map<String, TableCalculee> tables = brut.niveau(r.id(), niveau, annee);
                for (Map.Entry<String, TableCalculee> e : flux.entrySet()) {
                    long stock = n(e.getValue(), "STOCK_FIN", "ensemble");
                    String ou = r.id() + " " + niveau + " " + e.getKey();
                    assertEquals(stock, n(tables.get(e.getKey()), TableCalculee.CLE_TOTAL, "effectif"), ou);
                    assertEquals(stock, n(troisAns.get(e.getKey()), "N", "effectif"), "TAB02-02, " + ou);
                    assertEquals(stock, n(cinqAns.get(e.getKey()), "N", "demandes"), "TAB02-05, " + ou);
                }
            }
        }
        assertTrue(n(brut.niveau("TAB01-01", Niveau.NATIONAL, annee).get("FR"), "STOCK_FIN", "ensemble") > 100,
                "the comparisons must not be vacuous");
    }

    @Test
    void atCommuneLevelEverySerie03RapportCountsTheSameStock() {
        Map<String, TableCalculee> reference = brut.niveau("TAB03-13", Niveau.COMMUNE, annee);
        for (Rapport r : serie("03")) {
            Map<String, TableCalculee> tables = brut.niveau(r.id(), Niveau.COMMUNE, annee);
            reference.forEach((code, t) -> assertEquals(n(t, TableCalculee.CLE_TOTAL, "effectif"),
                    n(tables.get(code), TableCalculee.CLE_TOTAL, "effectif"), r.id() + " commune " + code));
        }
    }

    @Test
    void everySerie04TotalIsTheAttributionsOfTheYear() {
        List<Niveau> niveaux = List.of(Niveau.NATIONAL, Niveau.REGION, Niveau.DEPARTEMENT, Niveau.EPCI);
        for (Niveau niveau : niveaux) {
            Map<String, TableCalculee> cinqAns = brut.niveau("TAB02-05", niveau, annee);
            Map<String, TableCalculee> flux = brut.niveau("TAB01-01", niveau, annee);
            for (Rapport r : serie("04")) {
                Map<String, TableCalculee> tables = brut.niveau(r.id(), niveau, annee);
                for (Map.Entry<String, TableCalculee> e : cinqAns.entrySet()) {
                    long attributions = n(e.getValue(), "N", "attributions");
                    TableCalculee t = tables.get(e.getKey());
                    String ou = r.id() + " " + niveau + " " + e.getKey();
                    switch (r.id()) {
                        case "TAB04-15" -> assertEquals(attributions, n(t, "DALO_PRIORITAIRES", "eligibles"), ou);
                        case "TAB04-16" -> {
                            assertEquals(attributions, n(t, TableCalculee.CLE_TOTAL, "attributions"), ou);
                            assertEquals(n(flux.get(e.getKey()), "STOCK_FIN", "ensemble"),
                                    n(t, TableCalculee.CLE_TOTAL, "demandes"), ou + " (demandes)");
                        }
                        default -> assertEquals(attributions, n(t, TableCalculee.CLE_TOTAL, "effectif"), ou);
                    }
                }
            }
        }
        assertTrue(n(brut.niveau("TAB02-05", Niveau.NATIONAL, annee).get("FR"), "N", "attributions") > 100,
                "the comparisons must not be vacuous");
    }

    @Test
    void countsAddUpFromCommunesToEpciAndDepartements() {
        Map<String, List<String>> communes = brut.communes;
        long total = 0;
        for (Rapport r : catalogue()) {
            if (!r.niveaux().contains(Niveau.COMMUNE)) {
                continue;
            }
            Map<String, TableCalculee> parCommune = brut.niveau(r.id(), Niveau.COMMUNE, annee);
            total += verifierSommes(r, parCommune, brut.niveau(r.id(), Niveau.DEPARTEMENT, annee),
                    code -> communes.get(code).get(0));
            // an EPCI straddling a département outside the extract is not the sum of the communes covered
            Map<String, TableCalculee> epci = new HashMap<>(brut.niveau(r.id(), Niveau.EPCI, annee));
            communes.forEach((code, parents) -> {
                if (parents.get(2) != null && !parCommune.containsKey(code)) {
                    epci.remove(parents.get(2));
                }
            });
            assertFalse(epci.isEmpty());
            total += verifierSommes(r, parCommune, epci, code -> communes.get(code).get(2));
        }
        assertTrue(total > 0, "the sums must not be vacuous");
    }

    @Test
    void countsAddUpFromDepartementsToRegionsAndFromRegionsToFrance() {
        Map<String, String> regionDe = new HashMap<>();
        brut.communes.values().forEach(p -> regionDe.put(p.get(0), p.get(1)));
        long total = 0;
        for (Rapport r : catalogue()) {
            Map<String, TableCalculee> regions = brut.niveau(r.id(), Niveau.REGION, annee);
            total += verifierSommes(r, brut.niveau(r.id(), Niveau.DEPARTEMENT, annee), regions, regionDe::get);
            total += verifierSommes(r, regions, brut.niveau(r.id(), Niveau.NATIONAL, annee), code -> "FR");
        }
        assertTrue(total > 0, "the sums must not be vacuous");
    }

    /**
     * Every count cell of every parent table (lines and total) is the sum of its children's;
     * {@code parent} gives a child's parent code (children without one, or whose parent is not
     * among {@code parents}, are ignored). Returns the sum of the parents' counts.
     */
    private static long verifierSommes(Rapport r, Map<String, TableCalculee> enfants, Map<String, TableCalculee> parents,
                                       Function<String, String> parent) {
        Map<String, Map<String, Long>> sommes = new HashMap<>();
        enfants.forEach((code, t) -> {
            String p = parent.apply(code);
            if (p != null && parents.containsKey(p)) {
                Map<String, Long> s = sommes.computeIfAbsent(p, k -> new HashMap<>());
                effectifs(t).forEach((cellule, n) -> s.merge(cellule, n, Long::sum));
            }
        });
        assertFalse(parents.isEmpty(), r.id());
        long nonNuls = 0;
        for (Map.Entry<String, TableCalculee> e : parents.entrySet()) {
            Map<String, Long> attendu = effectifs(e.getValue());
            Map<String, Long> somme = sommes.getOrDefault(e.getKey(), Map.of());
            for (Map.Entry<String, Long> cellule : attendu.entrySet()) {
                assertEquals(cellule.getValue(), somme.getOrDefault(cellule.getKey(), 0L),
                        r.id() + " " + e.getValue().territoire() + " cell " + cellule.getKey());
                nonNuls += cellule.getValue();
            }
        }
        return nonNuls;
    }

    /** "line/column" → count, over the lines and the total. */
    private static Map<String, Long> effectifs(TableCalculee t) {
        Map<String, Long> cellules = new HashMap<>();
        List<Ligne> lignes = new ArrayList<>(t.lignes());
        lignes.add(t.total());
        for (Ligne l : lignes) {
            for (Map.Entry<String, Valeur> v : l.valeurs().entrySet()) {
                if (v.getValue() instanceof Effectif e) {
                    cellules.put(l.cle() + "/" + v.getKey(), e.n());
                }
            }
        }
        return cellules;
    }

    private static long n(TableCalculee t, String ligne, String colonne) {
        Ligne l = TableCalculee.CLE_TOTAL.equals(ligne) ? t.total()
                : t.lignes().stream().filter(x -> x.cle().equals(ligne)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + ligne + " in " + t.rapport().id()));
        Valeur v = l.valeurs().get(colonne);
        if (!(v instanceof Effectif e)) {
            throw new AssertionError(t.rapport().id() + " " + ligne + "/" + colonne + " is not a count: " + v);
        }
        return e.n();
    }

    private static List<String> codes(Niveau niveau) {
        return brut.geographie.territoires(niveau).stream().map(Territoire::code).toList();
    }
}
