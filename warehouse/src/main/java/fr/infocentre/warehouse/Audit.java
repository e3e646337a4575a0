package fr.infocentre.warehouse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attacker's audit of a millésime (../shared/spec/secret-statistique.md, "How it is
 * checked"): for each rapport, its linked tables are computed and protected as the site and the
 * open data publish them; the {@link Attaquant} then takes only what is public ({@link VuePublique})
 * and bounds every masked cell. A primary cell (a count from 1 to 10) pinned to one value fails
 * the audit.
 */
final class Audit {

    private Audit() {
    }

    /**
     * One rapport's result.
     *
     * @param comptes        per level: published count cells, primary masked, secondary masked
     * @param devoiles       primary cells the attacker pinned (must be 0)
     * @param plusEtroit     the narrowest interval (max − min) found for a primary cell, −1 when none is masked
     * @param cellulePlusEtroite where that interval is
     */
    record Resultat(String rapport, Map<Niveau, long[]> comptes, List<String> devoiles, long plusEtroit,
                    String cellulePlusEtroite, double secondesCalcul, double secondesProtection,
                    double secondesAttaque) {
    }

    static Resultat auditer(DuckDbWarehouse warehouse, String rapportId, int annee) {
        DefinitionRapport def = CalculParNiveau.verifier(warehouse.catalogueDefinitions(), warehouse.annees(), rapportId,
                List.of(), annee);
        Map<String, Geographie.Appartenance> appartenances = warehouse.geographie().appartenances();
        long t0 = System.nanoTime();
        List<TableCalculee> tables = warehouse.tablesLiees(def, annee);
        long t1 = System.nanoTime();
        Set<Niveau> niveaux = Set.copyOf(def.rapport().niveaux());
        TablesLiees liees = TablesLiees.construire(def, tables, niveaux, appartenances);
        SuppressionSecondaire.Resultat masque = SuppressionSecondaire.masquer(liees);
        Masquage masquage = Masquage.depuis(liees, masque);
        long t2 = System.nanoTime();
        List<RapportTable> publiees = new ArrayList<>();
        for (TableCalculee t : tables) {
            if (niveaux.contains(t.territoire().niveau())) {
                publiees.add(SecretStatistique.proteger(t, masquage));
            }
        }
        VuePublique vue = VuePublique.construire(def, publiees, appartenances);
        Attaquant.Resultat attaque = Attaquant.attaquer(vue.systeme());
        long t3 = System.nanoTime();
        List<String> devoiles = new ArrayList<>();
        long plusEtroit = -1;
        String ou = "";
        for (int t = 0; t < liees.taille(); t++) {
            for (int l = 0; l < liees.lignes.size(); l++) {
                for (int j = 0; j < liees.colonnes.size(); j++) {
                    if (!masque.primaire()[t][l][j]) {
                        continue;
                    }
                    Territoire territoire = liees.territoires.get(t);
                    String cellule = territoire.niveau().cle() + " " + territoire.code() + " " + liees.lignes.get(l)
                            + " " + liees.colonnes.get(j);
                    Integer v = vue.variable(territoire, liees.lignes.get(l), liees.colonnes.get(j));
                    if (v == null) {
                        throw new IllegalStateException("primary cell not in the public view: " + cellule);
                    }
                    if (attaque.determinee()[v]) {
                        devoiles.add(cellule + " = " + attaque.min()[v]);
                    }
                    long largeur = attaque.max()[v] == Long.MAX_VALUE ? Long.MAX_VALUE : attaque.max()[v] - attaque.min()[v];
                    if (plusEtroit < 0 || largeur < plusEtroit) {
                        plusEtroit = largeur;
                        ou = cellule + " ∈ [" + attaque.min()[v] + ", "
                                + (attaque.max()[v] == Long.MAX_VALUE ? "∞" : attaque.max()[v]) + "]";
                    }
                }
            }
        }
        Map<Niveau, long[]> comptes = new EnumMap<>(Niveau.class);
        masquage.comptes().forEach((n, c) -> {
            if (niveaux.contains(n)) {
                comptes.put(n, c);
            }
        });
        return new Resultat(rapportId, comptes, devoiles, plusEtroit, ou, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t3 - t2) / 1e9);
    }
}
