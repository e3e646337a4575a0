package fr.infocentre.warehouse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Primary and secondary suppression over the linked tables of one rapport and millésime.
 *
 * <p>Every published count from 1 to {@value SecretStatistique#SEUIL_MAX} is masked (primary).
 * Then each primary cell gets a <em>witness</em>: a change of the communes' counts that keeps
 * every published cell of every linked table as it is, stays consistent with what the public
 * knows (counts ≥ 0, a masked count ≥ 1 since a 0 is always shown), and changes the primary cell.
 * Its existence proves that the primary cell is not a linear combination of the published cells
 * (the property GaussSuppression, Statistics Norway, establishes by Gaussian elimination) nor
 * pinned by them under those bounds: the values before and after the change are both possible. A
 * witness moves one unit between two communes x and y (or into x alone), between two lines k and
 * k' (or into the total), between two count columns c and c' (or into their sums); every
 * published cell it changes — the cells of the territories holding x but not y (or y but not x)
 * on the changed lines and columns — is masked (secondary), so the published cells stay as they are.
 *
 * <p>For each primary cell (widest levels first), the cheapest witness is chosen among nearby
 * communes (same EPCI and département first, then same département, same EPCI, same region, then
 * the commune holding most of the cell in every other region; those holding at least 2 first)
 * and every pair of lines and columns: its cost is the sum of the cells it newly masks, each
 * weighted by its level and by whether it is a total, so small cells and communes are masked
 * rather than totals and wider levels. Cells already masked cost nothing, so the pattern stays
 * compact. A witness moving a unit into one commune alone is the last resort. A primary cell
 * already changed by an earlier witness needs none. Every choice follows a fixed order: the
 * same data gives the same pattern.
 */
final class SuppressionSecondaire {

    private static final int CANDIDATS_X = 12;
    private static final int CANDIDATS_Y = 24;
    private static final int EXAMENS_Y = 2_000;
    /** Weight of a cell by level (Niveau ordinal: national, région, département, EPCI, commune). */
    private static final long[] POIDS_NIVEAU = {4096, 64, 16, 4, 1};
    private static final long POIDS_TOTAL = 4;
    private static final long POIDS_SOMME = 2;

    private final TablesLiees tables;
    private final boolean[][][] masque;
    private final boolean[][][] protege;
    private final boolean[][][] primaire;
    /** Non-empty communes of each territory, smallest first. */
    private final Map<Integer, List<Integer>> communesDe = new HashMap<>();
    /** The region territories, by index. */
    private final List<Integer> regions = new ArrayList<>();

    private SuppressionSecondaire(TablesLiees tables) {
        this.tables = tables;
        int n = tables.taille(), l = tables.lignes.size(), c = tables.colonnes.size();
        this.masque = new boolean[n][l][c];
        this.protege = new boolean[n][l][c];
        this.primaire = new boolean[n][l][c];
        List<Integer> feuilles = new ArrayList<>(tables.feuillesNonVides());
        feuilles.sort(Comparator.comparingLong(tables::somme));
        for (int t = 0; t < tables.taille(); t++) {
            if (tables.niveau(t) == Niveau.REGION) {
                regions.add(t);
            }
        }
        for (int f : feuilles) {
            for (int p : tables.parents(f)) {
                if (p >= 0) {
                    communesDe.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
                }
            }
        }
    }

    /** The masking pattern: [territory][line][count column] → masked (primary or secondary). */
    static Resultat masquer(TablesLiees tables) {
        SuppressionSecondaire s = new SuppressionSecondaire(tables);
        s.executer();
        return new Resultat(s.masque, s.primaire);
    }

    /** The pattern and which masked cells are primary (counts 1 to 10). */
    record Resultat(boolean[][][] masque, boolean[][][] primaire) {
    }

    private record Cellule(int t, int l, int j) {
    }

    /** A witness: communes x, y (−1: none), lines k, k2 (−1: the total), columns c, c2 (−1: their sums). */
    private record Temoin(int x, int y, int k, int k2, int c, int c2) {
    }

    private void executer() {
        List<Cellule> primaires = new ArrayList<>();
        for (int t = 0; t < tables.taille(); t++) {
            for (int l = 0; l < tables.lignes.size(); l++) {
                for (int j = 0; j < tables.colonnes.size(); j++) {
                    long v = tables.valeur(t, l, j);
                    if (tables.cellulePubliee(t, l) && v >= 1 && v <= SecretStatistique.SEUIL_MAX) {
                        primaires.add(new Cellule(t, l, j));
                        masque[t][l][j] = true;
                        primaire[t][l][j] = true;
                    }
                }
            }
        }
        primaires.sort(Comparator.comparingInt((Cellule p) -> tables.niveau(p.t()).ordinal())
                .thenComparing(p -> tables.territoires.get(p.t()).code())
                .thenComparingInt(Cellule::l).thenComparingInt(Cellule::j));
        for (Cellule p : primaires) {
            if (!protege[p.t()][p.l()][p.j()]) {
                appliquer(meilleurTemoin(p));
            }
        }
    }

    /**
     * The cheapest witness between two communes; only when there is none, the cheapest moving
     * into one commune alone (it changes every territory holding it, France included).
     */
    private Temoin meilleurTemoin(Cellule p) {
        List<Integer> xs = candidatsX(p);
        Temoin meilleur = meilleurTemoin(p, xs, false);
        if (meilleur == null) {
            meilleur = meilleurTemoin(p, xs, true);
        }
        if (meilleur == null) {
            throw new IllegalStateException("No witness for primary cell " + tables.territoires.get(p.t()) + " "
                    + tables.lignes.get(p.l()) + " " + tables.colonnes.get(p.j()));
        }
        return meilleur;
    }

    private Temoin meilleurTemoin(Cellule p, List<Integer> xs, boolean seul) {
        Temoin meilleur = null;
        long coutMin = Long.MAX_VALUE;
        for (int x : xs) {
            for (int y : seul ? List.of(-1) : candidatsY(x, p)) {
                for (int[] kk : lignes(p)) {
                    for (int[] cc : colonnes(p)) {
                        Temoin w = new Temoin(x, y, kk[0], kk[1], cc[0], cc[1]);
                        if (valide(w)) {
                            long cout = cout(w, coutMin);
                            if (cout < coutMin) {
                                coutMin = cout;
                                meilleur = w;
                                if (cout == 0) {
                                    return meilleur;
                                }
                            }
                        }
                    }
                }
            }
        }
        return meilleur;
    }

    /**
     * The communes x the witness may start from: p's own commune, or the communes of p's territory
     * holding the largest parts of p's cell (the likeliest to allow a move), at most {@value #CANDIDATS_X}.
     */
    private List<Integer> candidatsX(Cellule p) {
        if (tables.niveau(p.t()) == Niveau.COMMUNE) {
            return List.of(p.t());
        }
        List<Integer> x = new ArrayList<>();
        for (int f : communesDe.getOrDefault(p.t(), List.of())) {
            if (tables.valeur(f, p.l(), p.j()) >= 1) {
                x.add(f);
            }
        }
        x.sort(Comparator.comparingLong((Integer f) -> -tables.valeur(f, p.l(), p.j())));
        return x.subList(0, Math.min(CANDIDATS_X, x.size()));
    }

    /**
     * The communes y outside p's territory holding part of p's own cell (a witness moves a unit of
     * it between x and y), nearest first: same EPCI and département as x, same département, same
     * EPCI, same region, then, in every other region, the commune holding the most of that cell.
     * Communes holding at least 2 come first (a masked 1 cannot give a unit away: the public knows
     * a masked count is at least 1); at most {@value #CANDIDATS_Y}, among the first
     * {@value #EXAMENS_Y} communes looked at in each tier.
     */
    private List<Integer> candidatsY(int x, Cellule p) {
        List<Integer> y = new ArrayList<>();
        if (tables.niveau(p.t()) != Niveau.NATIONAL) {
            for (long minimum = 2; minimum >= 1 && y.size() < CANDIDATS_Y; minimum--) {
                ajouterCandidatsY(x, p, minimum, y);
            }
        }
        return y;
    }

    private void ajouterCandidatsY(int x, Cellule p, long minimum, List<Integer> y) {
        int niveauP = tables.niveau(p.t()).ordinal();
        int[] px = tables.parents(x);
        int dep = Niveau.DEPARTEMENT.ordinal(), epci = Niveau.EPCI.ordinal(), reg = Niveau.REGION.ordinal();
        List<Function<int[], Boolean>> rangs = List.of(
                q -> q[dep] == px[dep] && q[epci] == px[epci],
                q -> q[dep] == px[dep],
                q -> px[epci] >= 0 && q[epci] == px[epci],
                q -> q[reg] == px[reg]);
        List<List<Integer>> sources = List.of(
                communesDe.getOrDefault(px[dep], List.of()), communesDe.getOrDefault(px[dep], List.of()),
                px[epci] >= 0 ? communesDe.getOrDefault(px[epci], List.of()) : List.of(),
                communesDe.getOrDefault(px[reg], List.of()));
        for (int r = 0; r <= rangs.size() && y.size() < CANDIDATS_Y; r++) {
            List<Integer> source = r < rangs.size() ? sources.get(r) : meilleuresParRegion(px[reg], p);
            int examens = 0;
            for (int f : source) {
                int[] pf = tables.parents(f);
                boolean dejaVu = false;
                for (int avant = 0; avant < Math.min(r, rangs.size()); avant++) {
                    dejaVu |= rangs.get(avant).apply(pf);
                }
                if (f == x || dejaVu || r < rangs.size() && !rangs.get(r).apply(pf) || pf[niveauP] == p.t()
                        || y.contains(f)) {
                    continue;
                }
                if (++examens > EXAMENS_Y || y.size() == CANDIDATS_Y) {
                    break;
                }
                if (donne(x, f, p, minimum)) {
                    y.add(f);
                }
            }
        }
    }

    /**
     * Whether y holds at least {@code minimum} of p's line in a column fed by the SQL that p's
     * column counts and that x holds too (the unit a witness moves between them).
     */
    private boolean donne(int x, int y, Cellule p, long minimum) {
        int[] membres = tables.membres[p.j()] == null ? new int[]{p.j()} : tables.membres[p.j()];
        for (int c : membres) {
            if (tables.valeur(x, p.l(), c) >= 1 && tables.valeur(y, p.l(), c) >= minimum) {
                return true;
            }
        }
        return false;
    }

    /** In every region but {@code region}, the commune holding the most of p's cell (regions in index order). */
    private List<Integer> meilleuresParRegion(int region, Cellule p) {
        List<Integer> meilleures = new ArrayList<>();
        for (int r : regions) {
            if (r == region) {
                continue;
            }
            int meilleure = -1;
            for (int f : communesDe.getOrDefault(r, List.of())) {
                if (meilleure < 0 || tables.valeur(f, p.l(), p.j()) > tables.valeur(meilleure, p.l(), p.j())) {
                    meilleure = f;
                }
            }
            if (meilleure >= 0) {
                meilleures.add(meilleure);
            }
        }
        return meilleures;
    }

    /**
     * Pairs (k, k2) of lines changing p's line: p's category against another or the total; for a
     * total, every category. Under an accounting identity between lines, a move must keep it:
     * two lines of the same side move in opposite directions, of opposite sides in the same
     * direction (the cells changed are the same), and a line of the identity never moves alone.
     */
    private List<int[]> lignes(Cellule p) {
        List<int[]> paires = new ArrayList<>();
        if (p.l() == tables.total) {
            for (int k = 0; k < tables.total; k++) {
                if (tables.ligneDisponible[k] && tables.cote[k] == 0) {
                    paires.add(new int[]{k, -1});
                }
            }
            return paires;
        }
        for (int k2 = 0; k2 < tables.total; k2++) {
            if (k2 != p.l() && tables.ligneDisponible[k2] && (tables.cote[k2] == 0) == (tables.cote[p.l()] == 0)) {
                paires.add(new int[]{p.l(), k2});
            }
        }
        if (tables.cote[p.l()] == 0) {
            paires.add(new int[]{p.l(), -1});
        }
        return paires;
    }

    /** Pairs (c, c2) of columns fed by the SQL changing p's column. */
    private List<int[]> colonnes(Cellule p) {
        List<int[]> paires = new ArrayList<>();
        int[] membres = tables.membres[p.j()];
        List<Integer> cs = new ArrayList<>();
        if (membres == null) {
            cs.add(p.j());
        } else {
            for (int m : membres) {
                cs.add(m);
            }
        }
        for (int c : cs) {
            for (int c2 = 0; c2 < tables.colonnes.size(); c2++) {
                if (tables.membres[c2] == null && c2 != c && (membres == null || !tables.contient(p.j(), c2))) {
                    paires.add(new int[]{c, c2});
                }
            }
            paires.add(new int[]{c, -1});
        }
        return paires;
    }

    /**
     * Whether the witness can move at least one way (all its changes +1·coef or all −1·coef)
     * while staying consistent with what the public knows: a published cell it changes is masked,
     * so it must not be 0 (a 0 is always shown) and must stay ≥ 1 (the public knows a masked count
     * is at least 1); a hidden cell must stay ≥ 0.
     */
    private boolean valide(Temoin w) {
        boolean[] sens = {true, true};
        cellulesChangees(w, (t, l, j, coef) -> {
            long v = tables.valeur(t, l, j);
            boolean publiee = tables.cellulePubliee(t, l);
            long minimum = publiee ? 1 : 0;
            if (publiee && v < 1) {
                sens[0] = false;
                sens[1] = false;
            }
            sens[0] &= v + coef >= minimum;
            sens[1] &= v - coef >= minimum;
        });
        return sens[0] || sens[1];
    }

    /** The weighted sum of the published cells the witness would newly mask (stops above {@code plafond}). */
    private long cout(Temoin w, long plafond) {
        long[] cout = {0};
        cellulesChangees(w, (t, l, j, coef) -> {
            if (tables.cellulePubliee(t, l) && !masque[t][l][j] && cout[0] < plafond) {
                long poids = POIDS_NIVEAU[tables.niveau(t).ordinal()] * (l == tables.total ? POIDS_TOTAL : 1)
                        * (tables.membres[j] != null ? POIDS_SOMME : 1);
                cout[0] += poids * tables.valeur(t, l, j);
            }
        });
        return cout[0];
    }

    private void appliquer(Temoin w) {
        cellulesChangees(w, (t, l, j, coef) -> {
            protege[t][l][j] = true;
            if (tables.cellulePubliee(t, l)) {
                masque[t][l][j] = true;
            }
        });
    }

    private interface VisiteurCellule {
        /** Cell (t, l, j) changes by {@code coef} when the witness moves one unit (+1 on x's cell (k, c)). */
        void visiter(int t, int l, int j, int coef);
    }

    /**
     * The cells the witness changes, with their change: territories holding x but not y (+1) or
     * y but not x (−1) × changed lines × changed columns.
     */
    private void cellulesChangees(Temoin w, VisiteurCellule visiteur) {
        int[] px = tables.parents(w.x());
        int[] py = w.y() < 0 ? null : tables.parents(w.y());
        int[] lignes;
        int[] signesLigne;
        if (w.k2() < 0) {
            lignes = new int[]{w.k(), tables.total};
            signesLigne = new int[]{1, 1};
        } else if (tables.cote[w.k()] * tables.cote[w.k2()] < 0) { // opposite sides of the identity: same way
            lignes = new int[]{w.k(), w.k2(), tables.total};
            signesLigne = new int[]{1, 1, 2};
        } else {
            lignes = new int[]{w.k(), w.k2()};
            signesLigne = new int[]{1, -1};
        }
        int nc = tables.colonnes.size();
        int[] signesColonne = new int[nc];
        for (int j = 0; j < nc; j++) {
            signesColonne[j] = (j == w.c() || tables.contient(j, w.c()) ? 1 : 0)
                    - (w.c2() >= 0 && (j == w.c2() || tables.contient(j, w.c2())) ? 1 : 0);
        }
        for (int n = 0; n < px.length; n++) {
            int tx = px[n], ty = py == null ? -1 : py[n];
            if (tx == ty) {
                continue;
            }
            for (int cote = 0; cote < 2; cote++) {
                int t = cote == 0 ? tx : ty;
                if (t < 0) {
                    continue;
                }
                for (int i = 0; i < lignes.length; i++) {
                    for (int j = 0; j < nc; j++) {
                        if (signesColonne[j] != 0) {
                            visiteur.visiter(t, lignes[i], j, (cote == 0 ? 1 : -1) * signesLigne[i] * signesColonne[j]);
                        }
                    }
                }
            }
        }
    }
}
