package fr.infocentre.warehouse;

import fr.infocentre.warehouse.DefinitionRapport.Categorie;
import fr.infocentre.warehouse.DefinitionRapport.ColonneDeclaree;
import fr.infocentre.warehouse.Geographie.Appartenance;
import fr.infocentre.warehouse.TableCalculee.Effectif;
import fr.infocentre.warehouse.TableCalculee.Ligne;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The linked tables of one rapport and millésime (../shared/spec/secret-statistique.md): every
 * count cell of every territory of every level, as one array indexed territory × line × count
 * column, with what links them — a territory's cell is the sum of its communes' cells (EPCI and
 * département are not nested), the total line the sum of the category lines, a sum column the
 * sum of its columns. Communes are the leaves; at a level the rapport is not published at (the
 * communes of series 01 and 02), cells are hidden: neither shown nor masked.
 */
final class TablesLiees {

    /** The leaf level. */
    static final int FEUILLE = Niveau.COMMUNE.ordinal();

    final List<String> lignes;
    /** Index of the total line (the last). */
    final int total;
    final boolean totalPublie;
    /** Whether a line holds counts (a line about a year the data does not cover holds none). */
    final boolean[] ligneDisponible;
    /** Per line: its side in the dimension's accounting identity (+1 left, −1 right, 0 outside or none). */
    final int[] cote;
    final List<String> colonnes;
    /** For a sum column, the indices of the columns it adds; null for a column fed by the SQL. */
    final int[][] membres;

    final List<Territoire> territoires = new ArrayList<>();
    final Map<Territoire, Integer> index = new HashMap<>();
    /** Per territory: whether its level is published. */
    private final List<Boolean> publies = new ArrayList<>();
    /** Per territory: [line][column] counts. */
    private final List<long[][]> valeurs = new ArrayList<>();
    /** Per commune (leaf) territory: its territory index at each level (Niveau ordinal), −1 for none. */
    private final Map<Integer, int[]> parents = new HashMap<>();

    private TablesLiees(DefinitionRapport def, boolean totalPublie) {
        List<String> cles = new ArrayList<>(def.dimension().categories().stream().map(Categorie::cle).toList());
        cles.add(TableCalculee.CLE_TOTAL);
        this.lignes = List.copyOf(cles);
        this.total = lignes.size() - 1;
        this.totalPublie = totalPublie;
        this.ligneDisponible = new boolean[lignes.size()];
        DefinitionRapport.Identite identite = def.dimension().identite();
        this.cote = lignes.stream().mapToInt(l -> identite == null ? 0 : identite.cote(l)).toArray();
        List<ColonneDeclaree> effectifs = def.colonnes().stream().filter(ColonneDeclaree::estEffectif).toList();
        this.colonnes = effectifs.stream().map(ColonneDeclaree::cle).toList();
        this.membres = new int[colonnes.size()][];
        for (int j = 0; j < effectifs.size(); j++) {
            if (effectifs.get(j).estSomme()) {
                membres[j] = effectifs.get(j).somme().stream().mapToInt(colonnes::indexOf).toArray();
            }
        }
    }

    /**
     * @param tables        the computed tables of every territory of every level the rapport is
     *                      published at, and of every commune (hidden when not published)
     * @param niveauxPublies the levels the rapport is published at
     * @param appartenances commune code → its territories above
     */
    static TablesLiees construire(DefinitionRapport def, List<TableCalculee> tables, Set<Niveau> niveauxPublies,
                                  Map<String, Appartenance> appartenances) {
        TablesLiees t = new TablesLiees(def, def.total());
        for (TableCalculee table : tables) {
            t.ajouter(table, niveauxPublies.contains(table.territoire().niveau()));
        }
        for (int i = 0; i < t.territoires.size(); i++) {
            Territoire territoire = t.territoires.get(i);
            if (territoire.niveau() == Niveau.COMMUNE) {
                Appartenance a = appartenances.get(territoire.code());
                int[] p = new int[Niveau.values().length];
                for (Niveau n : Niveau.values()) {
                    String code = a == null ? (n == Niveau.COMMUNE ? territoire.code() : null) : a.code(n, territoire.code());
                    Integer k = code == null ? null : t.index.get(new Territoire(n, code, null));
                    p[n.ordinal()] = k == null ? -1 : k;
                }
                t.parents.put(i, p);
            }
        }
        return t;
    }

    private void ajouter(TableCalculee table, boolean publie) {
        Territoire cle = new Territoire(table.territoire().niveau(), table.territoire().code(), null);
        long[][] v = new long[lignes.size()][colonnes.size()];
        List<Ligne> toutes = new ArrayList<>(table.lignes());
        toutes.add(table.total());
        for (Ligne ligne : toutes) {
            int l = lignes.indexOf(ligne.cle());
            for (int j = 0; j < colonnes.size(); j++) {
                if (ligne.valeurs().get(colonnes.get(j)) instanceof Effectif e) {
                    v[l][j] = e.n();
                    ligneDisponible[l] = true;
                }
            }
        }
        index.put(cle, territoires.size());
        territoires.add(table.territoire());
        publies.add(publie);
        valeurs.add(v);
    }

    int taille() {
        return territoires.size();
    }

    Niveau niveau(int t) {
        return territoires.get(t).niveau();
    }

    boolean publie(int t) {
        return publies.get(t);
    }

    /** Whether cell (t, l, j) is published (its level is, and the line is the total only if the total is). */
    boolean cellulePubliee(int t, int l) {
        return publies.get(t) && ligneDisponible[l] && (l != total || totalPublie);
    }

    long valeur(int t, int l, int j) {
        return valeurs.get(t)[l][j];
    }

    /** A commune's territory index at each level (Niveau ordinal), −1 for none. */
    int[] parents(int commune) {
        return parents.get(commune);
    }

    /** The index of territory {@code t}'s code at its level, for a lookup by (niveau, code). */
    Integer indice(Niveau niveau, String code) {
        return index.get(new Territoire(niveau, code, null));
    }

    /** The communes (leaf indices) holding at least one non-zero count, by code. */
    List<Integer> feuillesNonVides() {
        List<Integer> f = new ArrayList<>();
        for (int i : parents.keySet().stream().sorted(Comparator.comparing(i -> territoires.get(i).code())).toList()) {
            if (somme(i) > 0) {
                f.add(i);
            }
        }
        return f;
    }

    /** The sum of a territory's counts over every line and column (a size, for ordering). */
    long somme(int t) {
        long s = 0;
        for (long[] ligne : valeurs.get(t)) {
            for (long v : ligne) {
                s += v;
            }
        }
        return s;
    }

    /** Whether count column {@code j} is a sum column holding column {@code c}. */
    boolean contient(int j, int c) {
        if (membres[j] == null) {
            return false;
        }
        for (int m : membres[j]) {
            if (m == c) {
                return true;
            }
        }
        return false;
    }
}
