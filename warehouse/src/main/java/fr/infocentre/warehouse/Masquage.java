package fr.infocentre.warehouse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The masked count cells (primary and secondary) of every territory for one rapport and
 * millésime, as {@link SuppressionSecondaire} chose them over the linked tables: applied to each
 * territory's table by {@link SecretStatistique}, so that every format and every request shows
 * the same pattern.
 */
final class Masquage {

    private final Map<Territoire, Set<RapportTable.Masque>> parTerritoire = new HashMap<>();
    private final Map<Niveau, long[]> comptes = new HashMap<>();

    /** No cell masked by the pattern: {@link SecretStatistique#proteger} still masks a table's own small counts. */
    static Masquage aucun() {
        return new Masquage();
    }

    static Masquage depuis(TablesLiees tables, SuppressionSecondaire.Resultat resultat) {
        Masquage m = new Masquage();
        for (int t = 0; t < tables.taille(); t++) {
            Territoire territoire = tables.territoires.get(t);
            long[] c = m.comptes.computeIfAbsent(territoire.niveau(), n -> new long[3]);
            for (int l = 0; l < tables.lignes.size(); l++) {
                for (int j = 0; j < tables.colonnes.size(); j++) {
                    if (!tables.cellulePubliee(t, l)) {
                        continue;
                    }
                    c[0]++;
                    if (resultat.masque()[t][l][j]) {
                        c[resultat.primaire()[t][l][j] ? 1 : 2]++;
                        m.parTerritoire.computeIfAbsent(cle(territoire), k -> new HashSet<>())
                                .add(new RapportTable.Masque(tables.lignes.get(l), tables.colonnes.get(j)));
                    }
                }
            }
        }
        return m;
    }

    private static Territoire cle(Territoire t) {
        return new Territoire(t.niveau(), t.code(), null);
    }

    /** The masked count cells of the territory's table. */
    Set<RapportTable.Masque> masques(Territoire territoire) {
        return parTerritoire.getOrDefault(cle(territoire), Set.of());
    }

    /** Per level: published count cells, primary masked, secondary masked (levels the rapport is published at). */
    Map<Niveau, long[]> comptes() {
        return comptes;
    }
}
