package fr.infocentre.warehouse;

import fr.infocentre.warehouse.Serie04Attendue.Compte;
import fr.infocentre.warehouse.Serie04Attendue.Definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks shared by the series-04 tests. */
final class Serie04Verifications {

    /** The series-04 rapports of this batch, in catalogue order. */
    static final List<String> RAPPORTS = List.of("TAB04-02", "TAB04-03", "TAB04-04", "TAB04-05", "TAB04-06",
            "TAB04-07", "TAB04-09", "TAB04-11", "TAB04-12", "TAB04-13", "TAB04-14");

    private Serie04Verifications() {
    }

    /**
     * Every territory of every level above the commune (both régions and départements, every EPCI of
     * the perimeter), and the communes of the fixture (Nice, Antibes, Lyon, Villeurbanne) plus one
     * commune holding no lease: the extract covers all ~430 communes of 06 and 69, too many to sweep.
     */
    static List<Territoire> territoires(Warehouse w) {
        List<Territoire> t = new ArrayList<>();
        for (Niveau n : List.of(Niveau.NATIONAL, Niveau.REGION, Niveau.DEPARTEMENT, Niveau.EPCI)) {
            t.addAll(w.territoires(n));
        }
        for (String commune : List.of(EntrepotMini.NICE, "06004", EntrepotMini.LYON, EntrepotMini.VILLEURBANNE)) {
            t.add(w.territoire(Niveau.COMMUNE, commune).orElseThrow());
        }
        t.add(w.territoires(Niveau.COMMUNE).get(0));
        return t;
    }

    /**
     * Effectif, share, mutation and hors mutation columns over every line (in order), then the total.
     * {@code mutation} and {@code horsMutation} are null for a rapport without the split.
     */
    static void table(RapportTable t, List<String> cles, long[] effectif, double[] parts, long[] mutation,
                      long[] horsMutation) {
        assertEquals(cles, Cellules.cles(t), t.rapport().id() + " categories in order");
        Cellules.colonne(t, "effectif", effectif);
        Cellules.parts(t, parts);
        long total = 0;
        for (long n : effectif) {
            total += n;
        }
        assertEquals(total, t.total().get("effectif"), t.rapport().id() + " total");
        assertEquals(100.0, t.total().get("part"));
        if (mutation != null) {
            Cellules.colonne(t, "mutation", mutation);
            Cellules.colonne(t, "hors_mutation", horsMutation);
            for (int i = 0; i < effectif.length; i++) {
                assertEquals(effectif[i], mutation[i] + horsMutation[i], "the test's own figures add up");
            }
        } else {
            assertTrue(t.colonnes().stream().noneMatch(c -> c.cle().equals("mutation")), t.rapport().id());
        }
    }

    /**
     * The table as computed (before the secret statistique) against the plain-Java route, for one
     * territory: every figure exact.
     */
    static void commeAttendu(RapportTable t, Serie04Attendue attendu) {
        String id = t.rapport().id();
        Territoire ter = t.territoire();
        Definition def = attendu.definition(id);
        Map<String, Compte> comptes = attendu.compter(ter.niveau(), ter.code(), def.cles(), def.categorie());
        String ou = id + " " + ter.niveau().cle() + " " + ter.code();
        assertEquals(def.cles(), Cellules.cles(t), ou);
        long total = comptes.values().stream().mapToLong(Compte::effectif).sum();
        long totalM = comptes.values().stream().mapToLong(Compte::mutation).sum();
        for (Map.Entry<String, Compte> e : comptes.entrySet()) {
            Compte c = e.getValue();
            cellule(t, e.getKey(), "effectif", c.effectif(), ou);
            assertEquals(Serie04Attendue.part(c.effectif(), total), Cellules.cellule(t, e.getKey(), "part"),
                    ou + " " + e.getKey() + " share");
            if (def.mutationSplit()) {
                cellule(t, e.getKey(), "mutation", c.mutation(), ou);
                cellule(t, e.getKey(), "hors_mutation", c.horsMutation(), ou);
            }
        }
        assertEquals(def.mutationSplit(), t.colonnes().stream().anyMatch(c -> c.cle().equals("mutation")), ou);
        cellule(t, TableCalculee.CLE_TOTAL, "effectif", total, ou);
        if (def.mutationSplit()) {
            cellule(t, TableCalculee.CLE_TOTAL, "mutation", totalM, ou);
            cellule(t, TableCalculee.CLE_TOTAL, "hors_mutation", total - totalM, ou);
        }
    }

    private static void cellule(RapportTable t, String ligne, String colonne, long attendu, String ou) {
        assertEquals(attendu, Cellules.cellule(t, ligne, colonne), ou + " " + ligne + " / " + colonne);
    }

}
