package fr.infocentre.warehouse;

import fr.infocentre.warehouse.TableCalculee.Effectif;
import fr.infocentre.warehouse.TableCalculee.Ligne;
import fr.infocentre.warehouse.TableCalculee.Part;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protection step on hand-built tables (no warehouse needed). */
class SecretStatistiqueTest {

    private static final Rapport RAPPORT = new Rapport("TAB00-00", "00", "Essai", "", "essai",
            List.of(Niveau.values()), "bar");

    /** Lines a=0, b=1, c=10, d=11, e=25; total 47. */
    private static TableCalculee table(Territoire territoire, long... effectifs) {
        List<Ligne> lignes = new java.util.ArrayList<>();
        long somme = 0;
        for (int i = 0; i < effectifs.length; i++) {
            somme += effectifs[i];
        }
        for (int i = 0; i < effectifs.length; i++) {
            lignes.add(ligne(String.valueOf((char) ('a' + i)), effectifs[i], somme));
        }
        return new TableCalculee(RAPPORT, territoire, 2024,
                List.of(new Colonne("categorie", "Catégorie", Colonne.Type.LIBELLE),
                        new Colonne("effectif", "Effectif", Colonne.Type.EFFECTIF),
                        new Colonne("part", "Part (%)", Colonne.Type.PART)),
                lignes, ligne("total", somme, somme), true, List.of("Note."));
    }

    private static Ligne ligne(String cle, long n, long total) {
        Map<String, TableCalculee.Valeur> v = new LinkedHashMap<>();
        v.put("effectif", new Effectif(n));
        v.put("part", new Part(MoteurRapports.pourcentage(n, total), "effectif"));
        return new Ligne(cle, cle.toUpperCase(), v);
    }

    @Test
    void countsFrom1To10AndTheirSharesAreMasked() {
        RapportTable t = SecretStatistique.proteger(
                table(new Territoire(Niveau.COMMUNE, "06088", "Nice"), 0, 1, 10, 11, 25), Masquage.aucun());
        assertEquals(0L, Cellules.cellule(t, "a", "effectif"));
        assertEquals(0.0, Cellules.cellule(t, "a", "part"));
        assertNull(Cellules.cellule(t, "b", "effectif"));
        assertNull(Cellules.cellule(t, "b", "part"));
        assertNull(Cellules.cellule(t, "c", "effectif"));
        assertEquals(11L, Cellules.cellule(t, "d", "effectif"));
        assertEquals(23.4, Cellules.cellule(t, "d", "part"));
        assertEquals(47L, t.total().get("effectif"));
        assertEquals(Set.of(new RapportTable.Masque("b", "effectif"), new RapportTable.Masque("b", "part"),
                new RapportTable.Masque("c", "effectif"), new RapportTable.Masque("c", "part")), Set.copyOf(t.masques()));
        assertEquals(List.of("Note.", SecretStatistique.NOTE), t.notes());
    }

    @Test
    void aMaskedTotalMasksEveryShare() {
        RapportTable t = SecretStatistique.proteger(
                table(new Territoire(Niveau.COMMUNE, "69266", "Villeurbanne"), 0, 3), Masquage.aucun());
        assertEquals(0L, Cellules.cellule(t, "a", "effectif"));
        assertNull(Cellules.cellule(t, "a", "part"), "0 / a masked total");
        assertNull(t.total().get("effectif"));
        assertNull(t.total().get("part"));
        assertTrue(t.masques().contains(new RapportTable.Masque("total", "effectif")));
        assertTrue(t.masques().contains(new RapportTable.Masque("a", "part")));
    }

    @Test
    void atEveryLevelCountsFrom1To10AreMaskedAndTheRuleIsExplained() {
        RapportTable t = SecretStatistique.proteger(table(Territoire.FRANCE, 0, 1, 10, 11), Masquage.aucun());
        assertNull(Cellules.cellule(t, "b", "effectif"));
        assertNull(Cellules.cellule(t, "c", "effectif"));
        assertEquals(11L, Cellules.cellule(t, "d", "effectif"));
        assertEquals(List.of("Note.", SecretStatistique.NOTE), t.notes());
    }
}
