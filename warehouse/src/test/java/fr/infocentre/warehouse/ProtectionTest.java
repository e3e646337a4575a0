package fr.infocentre.warehouse;

import fr.infocentre.warehouse.TableCalculee.Effectif;
import fr.infocentre.warehouse.TableCalculee.Ligne;
import fr.infocentre.warehouse.TableCalculee.Part;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protected tables of a generated millésime ({@link EntrepotGenere}, every rapport, every level,
 * every territory) against the same tables as computed: each count is either shown exactly or
 * masked (null and listed), every count from 1 to 10 is masked, no 0 is masked, a share is masked
 * when its count or its total is, and the single-table path masks exactly as the level-by-level one.
 */
class ProtectionTest {

    @Test
    void everyPublishedTableShowsExactFiguresOrMasksThemAndHidesEverySmallCount() {
        Warehouse w = EntrepotGenere.warehouse();
        EntrepotGenere.Brut brut = EntrepotGenere.brut();
        int annee = EntrepotGenere.annee();
        List<String> erreurs = new ArrayList<>();
        long[] vus = new long[3]; // counts shown, masked, tables
        for (Rapport r : w.catalogue()) {
            for (Niveau niveau : r.niveaux()) {
                Map<String, TableCalculee> calculees = brut.niveau(r.id(), niveau, annee);
                Map<String, RapportTable> publiees = new HashMap<>();
                w.calculerNiveaux(r.id(), List.of(niveau), annee, t -> publiees.put(t.territoire().code(), t));
                assertEquals(calculees.keySet(), publiees.keySet(), r.id() + " " + niveau);
                calculees.forEach((code, c) -> comparer(c, publiees.get(code), erreurs, vus));
            }
        }
        assertEquals(List.of(), erreurs.stream().limit(20).toList(), erreurs.size() + " errors");
        assertTrue(vus[0] > 10_000 && vus[1] > 1_000, "shown " + vus[0] + ", masked " + vus[1]);
        String commune = w.territoires(Niveau.COMMUNE).get(0).code();
        String epci = w.territoires(Niveau.EPCI).get(0).code();
        for (String id : List.of("TAB03-02", "TAB04-10")) {
            for (Territoire t : List.of(new Territoire(Niveau.COMMUNE, commune, ""), new Territoire(Niveau.EPCI, epci, ""))) {
                RapportTable seule = w.calculer(id, t.niveau(), t.code(), annee);
                List<RapportTable> parNiveau = new ArrayList<>();
                w.calculerNiveaux(id, List.of(t.niveau()), annee, x -> {
                    if (x.territoire().code().equals(t.code())) {
                        parNiveau.add(x);
                    }
                });
                assertEquals(parNiveau.get(0), seule, id + " " + t + ": one pattern for every path");
            }
        }
    }

    private static void comparer(TableCalculee calculee, RapportTable publiee, List<String> erreurs, long[] vus) {
        vus[2]++;
        List<Ligne> lignes = new ArrayList<>(calculee.lignes());
        if (calculee.totalPublie()) {
            lignes.add(calculee.total());
        }
        for (Ligne ligne : lignes) {
            Map<String, Object> publie = ligne.cle().equals(TableCalculee.CLE_TOTAL) ? publiee.total()
                    : publiee.lignes().stream().filter(m -> ligne.cle().equals(m.get("cle"))).findFirst().orElseThrow();
            ligne.valeurs().forEach((colonne, valeur) -> {
                String ou = publiee.rapport().id() + " " + publiee.territoire().niveau().cle() + " "
                        + publiee.territoire().code() + " " + ligne.cle() + " " + colonne;
                boolean masque = publiee.masque(publie, colonne);
                if (masque && publie.get(colonne) != null) {
                    erreurs.add(ou + ": listed as masked but shown");
                }
                if (valeur instanceof Effectif e) {
                    if (masque) {
                        vus[1]++;
                        if (e.n() == 0) {
                            erreurs.add(ou + ": a 0 masked");
                        }
                    } else {
                        vus[0]++;
                        if (!Long.valueOf(e.n()).equals(publie.get(colonne))) {
                            erreurs.add(ou + ": shows " + publie.get(colonne) + ", computed " + e.n());
                        }
                        if (e.n() >= 1 && e.n() <= SecretStatistique.SEUIL_MAX) {
                            erreurs.add(ou + ": small count " + e.n() + " shown");
                        }
                    }
                }
                if (valeur instanceof Part p && !masque && (publiee.masque(publie, p.colonneEffectif())
                        || publiee.total() != null && publiee.masque(publiee.total(), p.colonneEffectif()))) {
                    erreurs.add(ou + ": share of a masked count shown");
                }
            });
        }
    }
}
