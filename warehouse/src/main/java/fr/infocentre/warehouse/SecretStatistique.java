package fr.infocentre.warehouse;

import fr.infocentre.warehouse.TableCalculee.Derivee;
import fr.infocentre.warehouse.TableCalculee.Effectif;
import fr.infocentre.warehouse.TableCalculee.Ligne;
import fr.infocentre.warehouse.TableCalculee.Part;
import fr.infocentre.warehouse.TableCalculee.Statistique;
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
 * {@value #SEUIL_MAX} is masked, and so is every figure computed from a masked count: a share
 * (as numerator or denominator), a ratio or a change in % (either input). A mean or a median
 * over 1 to {@value #SEUIL_MAX} units is masked too. A count of 0 is shown. Masked figures are
 * {@code null} and listed in {@link RapportTable#masques()}. A cell the data cannot fill
 * ({@link TableCalculee.NonDisponible}) is {@code null} too, but not listed: a note of the table explains it.
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

    /**
     * The masked cells: primary counts and statistics over few units, then every figure derived
     * from a masked count (derived figures are computed from counts only, so one pass suffices).
     */
    private static Set<RapportTable.Masque> masquer(TableCalculee table) {
        Set<RapportTable.Masque> masques = new HashSet<>();
        for (Ligne ligne : lignes(table)) {
            ligne.valeurs().forEach((colonne, valeur) -> {
                if (valeur instanceof Effectif e && petit(e.n())
                        || valeur instanceof Statistique st && petit(st.unites())) {
                    masques.add(new RapportTable.Masque(ligne.cle(), colonne));
                }
            });
        }
        for (Ligne ligne : lignes(table)) {
            ligne.valeurs().forEach((colonne, valeur) -> {
                if (valeur instanceof Part p
                        && (masques.contains(new RapportTable.Masque(ligne.cle(), p.colonneEffectif()))
                        || masques.contains(new RapportTable.Masque(TableCalculee.CLE_TOTAL, p.colonneEffectif())))
                        || valeur instanceof Derivee d && d.sources().stream()
                        .anyMatch(c -> masques.contains(new RapportTable.Masque(c.ligne(), c.colonne())))) {
                    masques.add(new RapportTable.Masque(ligne.cle(), colonne));
                }
            });
        }
        return masques;
    }

    /** A count (of demandes, attributions or units) that may not be revealed: 1 to {@value #SEUIL_MAX}. */
    private static boolean petit(long n) {
        return n >= 1 && n <= SEUIL_MAX;
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
        if (valeur instanceof Effectif e) {
            return e.n();
        }
        if (valeur instanceof Part p) {
            return p.pourcentage();
        }
        if (valeur instanceof Derivee d) {
            return d.valeur();
        }
        if (valeur instanceof Statistique st) {
            return st.valeur();
        }
        return null; // NonDisponible
    }
}
