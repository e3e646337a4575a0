package fr.infocentre.warehouse;

import fr.infocentre.warehouse.TableCalculee.Effectif;
import fr.infocentre.warehouse.TableCalculee.Ligne;
import fr.infocentre.warehouse.TableCalculee.Part;
import fr.infocentre.warehouse.TableCalculee.Valeur;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protection step (../shared/spec/secret-statistique.md): the only way from a computed
 * table to a published {@link RapportTable}, so that no renderer ever sees an unmasked small
 * count.
 *
 * <p>Current rule (primary suppression): at commune level, every count from 1 to
 * {@value #SEUIL_MAX} is masked, and so is every share computed from a masked count (as
 * numerator or denominator). A count of 0 is shown. Masked figures are {@code null} and
 * listed in {@link RapportTable#masques()}.
 *
 * <p>Secondary suppression will be added here: {@link #masquer} decides which cells are masked
 * and everything downstream (nulls, masques, derived shares, note) follows from that set.
 */
final class SecretStatistique {

    static final int SEUIL_MAX = 10;
    static final String NOTE = "Les effectifs de 1 à " + SEUIL_MAX + " sont masqués (secret statistique).";

    RapportTable proteger(TableCalculee table) {
        return publier(table, soumis(table.territoire().niveau()) ? masquer(table) : Set.of());
    }

    private static boolean soumis(Niveau niveau) {
        return niveau == Niveau.COMMUNE;
    }

    /** The masked cells: primary counts, then every share derived from a masked count. */
    private static Set<RapportTable.Masque> masquer(TableCalculee table) {
        Set<RapportTable.Masque> masques = new HashSet<>();
        for (Ligne ligne : lignes(table)) {
            ligne.valeurs().forEach((colonne, valeur) -> {
                if (valeur instanceof Effectif e && e.n() >= 1 && e.n() <= SEUIL_MAX) {
                    masques.add(new RapportTable.Masque(ligne.cle(), colonne));
                }
            });
        }
        for (Ligne ligne : lignes(table)) {
            ligne.valeurs().forEach((colonne, valeur) -> {
                if (valeur instanceof Part p
                        && (masques.contains(new RapportTable.Masque(ligne.cle(), p.colonneEffectif()))
                        || masques.contains(new RapportTable.Masque(TableCalculee.CLE_TOTAL, p.colonneEffectif())))) {
                    masques.add(new RapportTable.Masque(ligne.cle(), colonne));
                }
            });
        }
        return masques;
    }

    private static RapportTable publier(TableCalculee table, Set<RapportTable.Masque> masques) {
        List<Map<String, Object>> lignes = table.lignes().stream().map(l -> ligne(l, masques)).toList();
        Map<String, Object> total = table.totalPublie() ? ligne(table.total(), masques) : null;
        List<RapportTable.Masque> publies = new ArrayList<>();
        for (Ligne ligne : table.totalPublie() ? lignes(table) : table.lignes()) {
            for (String colonne : ligne.valeurs().keySet()) {
                RapportTable.Masque m = new RapportTable.Masque(ligne.cle(), colonne);
                if (masques.contains(m)) {
                    publies.add(m);
                }
            }
        }
        List<String> notes = new ArrayList<>(table.notes());
        if (soumis(table.territoire().niveau())) {
            notes.add(NOTE);
        }
        return new RapportTable(table.rapport(), table.territoire(), table.annee(), table.colonnes(), lignes, total,
                List.copyOf(publies), List.copyOf(notes));
    }

    private static List<Ligne> lignes(TableCalculee table) {
        List<Ligne> toutes = new ArrayList<>(table.lignes());
        toutes.add(table.total());
        return toutes;
    }

    /** A published line: "cle" (category key), "categorie" (label), then one entry per column. */
    private static Map<String, Object> ligne(Ligne ligne, Set<RapportTable.Masque> masques) {
        Map<String, Object> valeurs = new LinkedHashMap<>();
        valeurs.put("cle", ligne.cle());
        valeurs.put(MoteurRapports.COLONNE_LIBELLE, ligne.libelle());
        ligne.valeurs().forEach((colonne, valeur) -> valeurs.put(colonne,
                masques.contains(new RapportTable.Masque(ligne.cle(), colonne)) ? null : nombre(valeur)));
        return Collections.unmodifiableMap(valeurs);
    }

    private static Object nombre(Valeur valeur) {
        return valeur instanceof Effectif e ? (Object) e.n() : ((Part) valeur).pourcentage();
    }
}
