package fr.infocentre.warehouse;

import fr.infocentre.warehouse.DefinitionRapport.ColonneDeclaree;
import fr.infocentre.warehouse.DefinitionRapport.Identite;
import fr.infocentre.warehouse.Geographie.Appartenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What the public knows of one rapport and millésime, as a {@link SystemeCellules} for the
 * {@link Attaquant}: the published tables of every level (a figure, or {@code s}: an unknown
 * count of at least 1, since 0 is always shown), and the links anyone can rebuild from the
 * published metadata and the COG — a territory is the sum of its communes, the total line the sum
 * of the categories, a sum column the sum of its columns, and the dimension's accounting identity.
 * When communes are not published, the unknowns below the published levels are the parts of
 * communes that no published cell tells apart: an EPCI's communes within one département.
 */
final class VuePublique {

    private final SystemeCellules systeme = new SystemeCellules();
    private final DefinitionRapport def;
    private final List<String> lignes = new ArrayList<>();
    private final List<String> colonnes;
    private final boolean[] disponible;
    /** Territory (level and code; pieces as EPCI level "siren|département") → index of its first variable. */
    private final Map<String, Integer> debut = new LinkedHashMap<>();

    private VuePublique(DefinitionRapport def) {
        this.def = def;
        def.dimension().categories().forEach(c -> lignes.add(c.cle()));
        lignes.add(TableCalculee.CLE_TOTAL);
        this.colonnes = def.colonnes().stream().filter(ColonneDeclaree::estEffectif).map(ColonneDeclaree::cle).toList();
        this.disponible = new boolean[lignes.size()];
    }

    /**
     * @param publiees       every published table of the rapport and millésime, at every level it is published at
     * @param appartenances  commune → its territories (the COG)
     */
    static VuePublique construire(DefinitionRapport def, List<RapportTable> publiees,
                                  Map<String, Appartenance> appartenances) {
        VuePublique v = new VuePublique(def);
        for (RapportTable t : publiees) {
            for (int l = 0; l < v.lignes.size(); l++) {
                Map<String, Object> ligne = v.ligne(t, l);
                for (String c : v.colonnes) {
                    v.disponible[l] |= ligne != null && (ligne.get(c) != null || t.masque(ligne, c));
                }
            }
        }
        publiees.forEach(v::ajouterPubliee);
        boolean communesPubliees = def.rapport().niveaux().contains(Niveau.COMMUNE);
        Map<String, Set<String>> feuillesDe = new LinkedHashMap<>();
        for (Map.Entry<String, Appartenance> e : appartenances.entrySet()) {
            Appartenance a = e.getValue();
            String feuille = communesPubliees ? cle(Niveau.COMMUNE, e.getKey()) : "piece:" + a.epci() + "|" + a.departement();
            if (!v.debut.containsKey(feuille)) {
                v.ajouterCachee(feuille);
            }
            for (Niveau n : def.rapport().niveaux()) {
                if (n != Niveau.COMMUNE && a.code(n, e.getKey()) != null) {
                    feuillesDe.computeIfAbsent(cle(n, a.code(n, e.getKey())), k -> new LinkedHashSet<>()).add(feuille);
                }
            }
        }
        feuillesDe.forEach((territoire, feuilles) -> {
            if (v.debut.containsKey(territoire)) {
                v.somme(territoire, feuilles);
            }
        });
        v.debut.keySet().forEach(v::liensInternes);
        return v;
    }

    SystemeCellules systeme() {
        return systeme;
    }

    /** The variable of a published cell, or null (line not available, territory not published). */
    Integer variable(Territoire territoire, String ligne, String colonne) {
        Integer d = debut.get(cle(territoire.niveau(), territoire.code()));
        int l = lignes.indexOf(ligne), j = colonnes.indexOf(colonne);
        return d == null || l < 0 || j < 0 || !disponible[l] ? null : d + l * colonnes.size() + j;
    }

    private static String cle(Niveau niveau, String code) {
        return niveau.cle() + ":" + code;
    }

    private Map<String, Object> ligne(RapportTable t, int l) {
        if (l == lignes.size() - 1) {
            return t.total();
        }
        String cle = lignes.get(l);
        return t.lignes().stream().filter(m -> cle.equals(m.get("cle"))).findFirst().orElse(null);
    }

    private void ajouterPubliee(RapportTable t) {
        debut.put(cle(t.territoire().niveau(), t.territoire().code()), prochaine());
        for (int l = 0; l < lignes.size(); l++) {
            Map<String, Object> ligne = ligne(t, l);
            for (String c : colonnes) {
                Object valeur = ligne == null ? null : ligne.get(c);
                if (valeur != null) {
                    systeme.variable(((Number) valeur).longValue(), 0);
                } else {
                    systeme.variable(null, ligne != null && t.masque(ligne, c) ? 1 : 0);
                }
            }
        }
    }

    private void ajouterCachee(String feuille) {
        debut.put(feuille, prochaine());
        for (int i = 0; i < lignes.size() * colonnes.size(); i++) {
            systeme.variable(null, 0);
        }
    }

    private int prochaine() {
        return systeme.taille();
    }

    /** A territory's cell = the sum of its leaves' cells, for every line and column. */
    private void somme(String territoire, Set<String> feuilles) {
        for (int l = 0; l < lignes.size(); l++) {
            if (!disponible[l]) {
                continue;
            }
            for (int j = 0; j < colonnes.size(); j++) {
                int decalage = l * colonnes.size() + j;
                systeme.relation(new int[]{debut.get(territoire) + decalage},
                        feuilles.stream().mapToInt(f -> debut.get(f) + decalage).toArray());
            }
        }
    }

    /** Within one territory: total line, sum columns, accounting identity. */
    private void liensInternes(String territoire) {
        int d = debut.get(territoire);
        int nc = colonnes.size(), total = lignes.size() - 1;
        int[] categories = IntStream.range(0, total).filter(l -> disponible[l]).toArray();
        for (int j = 0; j < nc; j++) {
            int jj = j;
            if (def.total() && disponible[total]) {
                systeme.relation(new int[]{d + total * nc + j}, IntStream.of(categories).map(l -> d + l * nc + jj).toArray());
            }
            Identite identite = def.dimension().identite();
            if (identite != null) {
                systeme.relation(IntStream.of(categories).filter(l -> identite.cote(lignes.get(l)) > 0)
                                .map(l -> d + l * nc + jj).toArray(),
                        IntStream.of(categories).filter(l -> identite.cote(lignes.get(l)) < 0)
                                .map(l -> d + l * nc + jj).toArray());
            }
        }
        for (ColonneDeclaree c : def.colonnes()) {
            if (c.estSomme()) {
                int s = colonnes.indexOf(c.cle());
                int[] membres = c.somme().stream().mapToInt(colonnes::indexOf).toArray();
                for (int l = 0; l < lignes.size(); l++) {
                    if (disponible[l]) {
                        int ll = l;
                        systeme.relation(new int[]{d + l * nc + s}, IntStream.of(membres).map(m -> d + ll * nc + m).toArray());
                    }
                }
            }
        }
    }
}
