package fr.infocentre.warehouse;

import fr.infocentre.warehouse.DefinitionRapport.ColonneDeclaree;
import fr.infocentre.warehouse.TableCalculee.Cellule;
import fr.infocentre.warehouse.TableCalculee.Derivee;
import fr.infocentre.warehouse.TableCalculee.Effectif;
import fr.infocentre.warehouse.TableCalculee.Ligne;
import fr.infocentre.warehouse.TableCalculee.NonDisponible;
import fr.infocentre.warehouse.TableCalculee.Part;
import fr.infocentre.warehouse.TableCalculee.Statistique;
import fr.infocentre.warehouse.TableCalculee.Valeur;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures computed from the counts of a table (shares, ratios, changes in %) and the
 * statistics placed in their columns: turns lines holding only counts into lines holding every
 * declared column, in display order. Each derived figure records the count cells it comes from,
 * so that {@link SecretStatistique} masks it with them.
 */
final class Derivees {

    private static final NonDisponible VIDE = new NonDisponible();

    private Derivees() {
    }

    /**
     * @param lignes       category lines holding their counts (or {@link NonDisponible})
     * @param total        the total line, counts only
     * @param statistiques line key (or total) → column key → statistic, for the statistic columns
     * @return the category lines then the total line, complete
     */
    static List<Ligne> completer(DefinitionRapport def, List<Ligne> lignes, Ligne total,
                                 Map<String, Map<String, Statistique>> statistiques) {
        List<Ligne> completes = new ArrayList<>();
        Ligne precedente = null;
        for (Ligne ligne : lignes) {
            completes.add(completer(def, ligne, precedente, total, statistiques));
            precedente = ligne;
        }
        completes.add(completer(def, total, null, total, statistiques));
        return completes;
    }

    private static Ligne completer(DefinitionRapport def, Ligne ligne, Ligne precedente, Ligne total,
                                   Map<String, Map<String, Statistique>> statistiques) {
        Map<String, Valeur> valeurs = new LinkedHashMap<>();
        for (ColonneDeclaree c : def.colonnes()) {
            Valeur v;
            if (c.estEffectif()) {
                v = ligne.valeurs().get(c.cle());
            } else if (c.estPart()) {
                v = part(ligne, total, c.partDe());
            } else if (c.estRatio()) {
                v = ratio(ligne, c.ratio().get(0), c.ratio().get(1), c.pourcent() ? 100 : 1);
            } else if (c.estVariation()) {
                v = c.variation().reference() == null
                        ? variation(precedente, c.variation().colonne(), ligne, c.variation().colonne())
                        : variation(ligne, c.variation().reference(), ligne, c.variation().colonne());
            } else {
                v = estDisponible(ligne) ? statistiques.getOrDefault(ligne.cle(), Map.of())
                        .getOrDefault(c.cle(), new Statistique(null, 0)) : VIDE;
            }
            valeurs.put(c.cle(), v);
        }
        return new Ligne(ligne.cle(), ligne.libelle(), valeurs);
    }

    private static boolean estDisponible(Ligne ligne) {
        return ligne.valeurs().values().stream().noneMatch(v -> v instanceof NonDisponible);
    }

    private static Valeur part(Ligne ligne, Ligne total, String colonne) {
        if (!(ligne.valeurs().get(colonne) instanceof Effectif n) || !(total.valeurs().get(colonne) instanceof Effectif t)) {
            return VIDE;
        }
        return new Part(t.n() == 0 ? null : MoteurRapports.pourcentage(n.n(), t.n()), colonne);
    }

    /** a × facteur / b, one decimal half up; null when b is 0. */
    private static Valeur ratio(Ligne ligne, String a, String b, long facteur) {
        if (!(ligne.valeurs().get(a) instanceof Effectif na) || !(ligne.valeurs().get(b) instanceof Effectif nb)) {
            return VIDE;
        }
        return new Derivee(nb.n() == 0 ? null : arrondi(BigDecimal.valueOf(na.n() * facteur), BigDecimal.valueOf(nb.n())),
                List.of(new Cellule(ligne.cle(), a), new Cellule(ligne.cle(), b)));
    }

    /** (apres − avant) / avant in %, one decimal half up; null when avant is 0. */
    private static Valeur variation(Ligne ligneAvant, String avant, Ligne ligneApres, String apres) {
        if (ligneAvant == null || !(ligneAvant.valeurs().get(avant) instanceof Effectif na)
                || !(ligneApres.valeurs().get(apres) instanceof Effectif nb)) {
            return VIDE;
        }
        return new Derivee(na.n() == 0 ? null
                : arrondi(BigDecimal.valueOf((nb.n() - na.n()) * 100L), BigDecimal.valueOf(na.n())),
                List.of(new Cellule(ligneAvant.cle(), avant), new Cellule(ligneApres.cle(), apres)));
    }

    private static double arrondi(BigDecimal a, BigDecimal b) {
        return a.divide(b, 1, RoundingMode.HALF_UP).doubleValue();
    }
}
