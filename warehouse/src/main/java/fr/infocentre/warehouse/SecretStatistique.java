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
 * <p>The count cells to mask are chosen once per rapport and millésime over all its linked
 * tables ({@link #masquer}: every count from 1 to {@value #SEUIL_MAX} at every level, and the
 * complementary cells {@link SuppressionSecondaire} adds so that none of them can be recomputed
 * from what is published). {@link #proteger} applies that pattern to one territory's table and
 * masks every figure computed from a masked count: a share (as numerator or denominator), a ratio
 * or a change in % (either input); and a mean or a median over 1 to {@value #SEUIL_MAX} units. A
 * count of 0 is shown. Masked figures are {@code null} and listed in {@link RapportTable#masques()}.
 * A cell the data cannot fill ({@link TableCalculee.NonDisponible}) is {@code null} too, but not
 * listed: a note of the table explains it.
 */
final class SecretStatistique {

    static final int SEUIL_MAX = 10;
    static final String NOTE = "s : secret statistique. Les effectifs de 1 à " + SEUIL_MAX
            + " sont masqués, ainsi que d'autres cases choisies pour qu'ils ne puissent pas être recalculés"
            + " par différence, ici ou à un autre niveau territorial.";

    private SecretStatistique() {
    }

    /**
     * The masking pattern of a rapport and millésime.
     *
     * @param tables the computed tables of every territory of every level the rapport is
     *               published at, and of every commune (the leaves, hidden when not published)
     */
    static Masquage masquer(DefinitionRapport def, List<TableCalculee> tables, Map<String, Geographie.Appartenance> appartenances) {
        TablesLiees liees = TablesLiees.construire(def, tables, Set.copyOf(def.rapport().niveaux()), appartenances);
        return Masquage.depuis(liees, SuppressionSecondaire.masquer(liees));
    }

    /** The published table: the pattern's count cells masked, and every figure derived from a masked one. */
    static RapportTable proteger(TableCalculee table, Masquage masquage) {
        Set<RapportTable.Masque> masques = new HashSet<>(masquage.masques(table.territoire()));
        for (Ligne ligne : lignes(table)) {
            ligne.valeurs().forEach((colonne, valeur) -> {
                if (valeur instanceof Statistique st && petit(st.unites())
                        || valeur instanceof Effectif e && petit(e.n())) {
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
        return publier(table, masques);
    }

    /** A count (of demandes, attributions or units) that may not be revealed: 1 to {@value #SEUIL_MAX}. */
    private static boolean petit(long n) {
        return n >= 1 && n <= SEUIL_MAX;
    }

    /** The table as published with exactly these cells masked (null and listed), and the note on the rule. */
    static RapportTable publier(TableCalculee table, Set<RapportTable.Masque> masques) {
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
        notes.add(NOTE);
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
