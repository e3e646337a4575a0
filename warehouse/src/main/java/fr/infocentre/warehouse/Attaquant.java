package fr.infocentre.warehouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The attacker of the secret statistique: from what is public only (a {@link SystemeCellules}),
 * the interval of values each cell may take, and the cells pinned to a single value.
 *
 * <p>Two routes, each blind to part of what the other sees, take turns until neither learns
 * anything more:
 * <ol>
 * <li>bound propagation ({@code Bornes}): every relation bounds each of its cells by the bounds
 *     of the others. It finds "total minus the visible cells", "parent minus the visible
 *     children", and cells forced to their minimum (two masked cells, each at least 1, summing
 *     to 2 are both 1), but it reads one relation at a time;</li>
 * <li>exact linear algebra ({@code Elimination}): once every known value is substituted, an
 *     unknown is determined when the equations fix it, possibly through a combination of many
 *     relations (rows minus columns…), but it ignores the lower bounds.</li>
 * </ol>
 * A cell pinned by either route is a known value for the other.
 */
final class Attaquant {

    /** Stands for "no upper bound". */
    private static final long INFINI = Long.MAX_VALUE;

    /**
     * Per cell: the smallest and the largest value consistent with what is public
     * ({@link Long#MAX_VALUE} when unbounded), and whether they are equal (the cell is disclosed).
     */
    record Resultat(long[] min, long[] max, boolean[] determinee) {}

    private Attaquant() {
    }

    /**
     * Both routes, alternated to a fixpoint.
     *
     * @throws IllegalArgumentException if the public values contradict each other
     * @throws ArithmeticException      if an exact computation overflows a {@code long} (never
     *                                  silently wrong)
     */
    static Resultat attaquer(SystemeCellules s) {
        Bornes bornes = new Bornes(s);
        bornes.propager();
        while (Elimination.fixer(s, bornes)) {
            int determinees = bornes.nbDeterminees();
            bornes.propager();
            if (bornes.nbDeterminees() == determinees) {
                break; // propagation pinned nothing more: the algebra has nothing new to work on
            }
        }
        return bornes.resultat();
    }

    /** Route (a) alone: the intervals one relation at a time (faster, weaker). */
    static Resultat propager(SystemeCellules s) {
        Bornes bornes = new Bornes(s);
        bornes.propager();
        return bornes.resultat();
    }

    private static IllegalArgumentException incoherence(String detail) {
        return new IllegalArgumentException("The public values are inconsistent: " + detail);
    }

    /**
     * Route (a): interval propagation. For a relation {@code ΣA = ΣB} and a cell i of A,
     * {@code min_i ≥ Σ_B min − Σ_{A∖i} max} and {@code max_i ≤ Σ_B max − Σ_{A∖i} min}
     * (symmetrically for a cell of B). A worklist of relations: a relation is revised again
     * whenever one of its cells tightens, until nothing moves.
     */
    private static final class Bornes {

        /**
         * Revisions allowed per propagation, in passes over all relations. Tables converge in a
         * few passes; a pathological system stopped here keeps valid intervals (every
         * consistent value is inside), only wider than at the fixpoint.
         */
        private static final int PASSES_MAX = 100;

        private final SystemeCellules s;
        private final long[] min;
        private final long[] max;
        private int nbDeterminees;
        /** The relations of cell c: {@code relations[debuts[c]]} to {@code relations[debuts[c + 1] - 1]}. */
        private final int[] debuts;
        private final int[] relations;
        /** The worklist: a ring of relations to revise, each at most once. */
        private final int[] file;
        private final boolean[] enFile;
        private int tete;
        private int nbEnFile;

        /** The bounds everybody knows, every relation still to revise. */
        Bornes(SystemeCellules s) {
            this.s = s;
            int n = s.taille();
            min = new long[n];
            max = new long[n];
            for (int c = 0; c < n; c++) {
                min[c] = s.minimum(c);
                max[c] = s.maximum(c);
                nbDeterminees += min[c] == max[c] ? 1 : 0;
            }
            debuts = new int[n + 1];
            for (int r = 0; r < s.nbRelations(); r++) {
                for (int k = s.debut(r); k < s.fin(r); k++) {
                    debuts[s.terme(k) + 1]++;
                }
            }
            for (int c = 0; c < n; c++) {
                debuts[c + 1] += debuts[c];
            }
            relations = new int[debuts[n]];
            int[] suivants = Arrays.copyOf(debuts, n);
            for (int r = 0; r < s.nbRelations(); r++) {
                for (int k = s.debut(r); k < s.fin(r); k++) {
                    relations[suivants[s.terme(k)]++] = r;
                }
            }
            file = new int[s.nbRelations()];
            enFile = new boolean[s.nbRelations()];
            for (int r = 0; r < s.nbRelations(); r++) {
                enfiler(r);
            }
        }

        /** Revises the queued relations until none is left (or {@link #PASSES_MAX} is reached). */
        void propager() {
            long revisionsMax = (long) PASSES_MAX * s.nbRelations();
            for (long revisions = 0; nbEnFile > 0 && revisions < revisionsMax; revisions++) {
                int r = file[tete];
                tete = (tete + 1) % file.length;
                nbEnFile--;
                enFile[r] = false;
                reviser(r);
            }
        }

        private void reviser(int r) {
            Somme gauche = somme(s.debut(r), s.milieu(r));
            Somme droite = somme(s.milieu(r), s.fin(r));
            for (int k = s.debut(r); k < s.milieu(r); k++) {
                borner(s.terme(k), gauche, droite);
            }
            for (int k = s.milieu(r); k < s.fin(r); k++) {
                borner(s.terme(k), droite, gauche);
            }
        }

        private Somme somme(int debut, int fin) {
            long mins = 0;
            long maxFinis = 0;
            int nbInfinis = 0;
            for (int k = debut; k < fin; k++) {
                int c = s.terme(k);
                mins = Math.addExact(mins, min[c]);
                if (max[c] == INFINI) {
                    nbInfinis++;
                } else {
                    maxFinis = Math.addExact(maxFinis, max[c]);
                }
            }
            return new Somme(mins, maxFinis, nbInfinis);
        }

        /** Cell c = Σ autreCote − Σ (sonCote without c). The sums may be stale: still valid bounds. */
        private void borner(int c, Somme sonCote, Somme autreCote) {
            long autresMax = sonCote.maxSans(max[c]);
            long inf = autresMax == INFINI ? Long.MIN_VALUE : Math.subtractExact(autreCote.min(), autresMax);
            long sup = autreCote.max() == INFINI ? INFINI
                    : Math.subtractExact(autreCote.max(), sonCote.min() - min[c]);
            resserrer(c, inf, sup);
        }

        /** Narrows the interval of c to [inf, sup] and queues its relations if it moved. */
        private void resserrer(int c, long inf, long sup) {
            if (inf <= min[c] && sup >= max[c]) {
                return;
            }
            min[c] = Math.max(min[c], inf);
            max[c] = Math.min(max[c], sup);
            if (min[c] > max[c]) {
                throw incoherence("no value fits cell " + c);
            }
            nbDeterminees += min[c] == max[c] ? 1 : 0;
            for (int k = debuts[c]; k < debuts[c + 1]; k++) {
                enfiler(relations[k]);
            }
        }

        private void enfiler(int r) {
            if (!enFile[r]) {
                enFile[r] = true;
                file[(tete + nbEnFile++) % file.length] = r;
            }
        }

        /** Pins c to a value found by the algebra; its relations will be revised by the next {@link #propager}. */
        void fixer(int c, long valeur) {
            resserrer(c, valeur, valeur);
        }

        boolean connue(int c) {
            return min[c] == max[c];
        }

        long valeur(int c) {
            return min[c];
        }

        int nbDeterminees() {
            return nbDeterminees;
        }

        Resultat resultat() {
            boolean[] determinees = new boolean[min.length];
            for (int c = 0; c < min.length; c++) {
                determinees[c] = connue(c);
            }
            return new Resultat(min, max, determinees);
        }
    }

    /** Over one side of a relation: the sum of the minimums, of the finite maximums, and how many maximums are unbounded. */
    private record Somme(long min, long maxFinis, int nbInfinis) {

        long max() {
            return nbInfinis == 0 ? maxFinis : INFINI;
        }

        /** The sum of the maximums of the side without one cell, whose own maximum is {@code maxCellule}. */
        long maxSans(long maxCellule) {
            if (maxCellule == INFINI) {
                return nbInfinis == 1 ? maxFinis : INFINI;
            }
            return nbInfinis == 0 ? maxFinis - maxCellule : INFINI;
        }
    }

    /**
     * Route (b): exact linear algebra. With every known value substituted, each relation that
     * still has unknowns becomes an equation over them. The unknowns split into connected
     * components (unknowns sharing an equation, by union-find); each component is brought to
     * reduced row echelon form on its own ({@link Echelon}), its equations smallest first. An
     * unknown is determined when its row has no other unknown (equivalently, every solution of
     * the homogeneous system is zero on it).
     */
    private static final class Elimination {

        private Elimination() {
        }

        /** Pins (in {@code bornes}) every unknown the equations determine; true if there was one. */
        static boolean fixer(SystemeCellules s, Bornes bornes) {
            int[] parents = new int[s.taille()];
            Arrays.setAll(parents, c -> c);
            Entiers equations = new Entiers();
            Entiers premieres = new Entiers();
            for (int r = 0; r < s.nbRelations(); r++) {
                int premiere = -1;
                for (int k = s.debut(r); k < s.fin(r); k++) {
                    int c = s.terme(k);
                    if (!bornes.connue(c)) {
                        if (premiere < 0) {
                            premiere = c;
                        } else {
                            parents[racine(parents, c)] = racine(parents, premiere);
                        }
                    }
                }
                if (premiere >= 0) {
                    equations.ajouter(r);
                    premieres.ajouter(premiere);
                }
            }
            // the equations sorted by component: (root of its unknowns, relation)
            long[] parComposante = new long[equations.taille()];
            for (int i = 0; i < parComposante.length; i++) {
                parComposante[i] = (long) racine(parents, premieres.get(i)) << 32 | equations.get(i);
            }
            Arrays.sort(parComposante);
            int[] locales = new int[s.taille()];
            Arrays.fill(locales, -1);
            boolean fixe = false;
            for (int debut = 0, fin; debut < parComposante.length; debut = fin) {
                fin = debut;
                while (fin < parComposante.length && parComposante[fin] >>> 32 == parComposante[debut] >>> 32) {
                    fin++;
                }
                fixe |= resoudre(s, bornes, Arrays.copyOfRange(parComposante, debut, fin), locales);
            }
            return fixe;
        }

        private static int racine(int[] parents, int c) {
            while (parents[c] != c) {
                parents[c] = parents[parents[c]];
                c = parents[c];
            }
            return c;
        }

        /**
         * Eliminates one component, whose relations are the low 32 bits of {@code relations};
         * its unknowns get local numbers 0, 1… in {@code locales}.
         */
        private static boolean resoudre(SystemeCellules s, Bornes bornes, long[] relations, int[] locales) {
            Entiers cellules = new Entiers();
            List<Ligne> lignes = new ArrayList<>(relations.length);
            for (long relation : relations) {
                lignes.add(equation(s, bornes, (int) relation, locales, cellules));
            }
            lignes.sort(Comparator.comparingInt(Ligne::taille));
            Echelon echelon = new Echelon(cellules.taille());
            lignes.forEach(echelon::ajouter);
            boolean fixe = false;
            for (int v = 0; v < cellules.taille(); v++) {
                if (echelon.determinee(v)) {
                    bornes.fixer(cellules.get(v), echelon.valeur(v));
                    fixe = true;
                }
            }
            return fixe;
        }

        /**
         * Relation r with its known cells moved to the constant:
         * {@code Σ unknown left − Σ unknown right = Σ known right − Σ known left}.
         */
        private static Ligne equation(SystemeCellules s, Bornes bornes, int r, int[] locales, Entiers cellules) {
            long[] inconnues = new long[s.fin(r) - s.debut(r)]; // local number << 1 | 1 if on the right
            int n = 0;
            long constante = 0;
            for (int k = s.debut(r); k < s.fin(r); k++) {
                int c = s.terme(k);
                boolean aDroite = k >= s.milieu(r);
                if (bornes.connue(c)) {
                    constante = aDroite ? Math.addExact(constante, bornes.valeur(c))
                            : Math.subtractExact(constante, bornes.valeur(c));
                } else {
                    if (locales[c] < 0) {
                        locales[c] = cellules.taille();
                        cellules.ajouter(c);
                    }
                    inconnues[n++] = (long) locales[c] << 1 | (aDroite ? 1 : 0);
                }
            }
            Arrays.sort(inconnues, 0, n);
            int[] variables = new int[n];
            long[] coefficients = new long[n];
            for (int i = 0; i < n; i++) {
                variables[i] = (int) (inconnues[i] >>> 1);
                coefficients[i] = (inconnues[i] & 1) == 0 ? 1 : -1;
            }
            return new Ligne(variables, coefficients, constante);
        }
    }

    /**
     * The reduced row echelon form of one component's equations, kept up to date as equations
     * arrive: each row has a pivot unknown that appears in no other row, plus free unknowns.
     * Each new pivot is the free unknown found in the fewest rows (least fill-in).
     */
    private static final class Echelon {

        /** pivots[v]: the row whose pivot is v; null while v is free. */
        private final Ligne[] pivots;
        /** occurrences[v]: the pivots whose rows contain v (or did: checked on use). */
        private final Entiers[] occurrences;

        Echelon(int nbInconnues) {
            pivots = new Ligne[nbInconnues];
            occurrences = new Entiers[nbInconnues];
        }

        void ajouter(Ligne equation) {
            Ligne ligne = equation;
            for (int v : equation.variables()) {
                if (pivots[v] != null) {
                    ligne = ligne.eliminer(v, pivots[v]); // brings in free unknowns only
                }
            }
            if (ligne.taille() == 0) {
                if (ligne.constante() != 0) {
                    throw incoherence("the equations have no solution");
                }
                return; // a consequence of the previous equations
            }
            int p = moinsPresente(ligne);
            Entiers contenantP = occurrences[p];
            occurrences[p] = null;
            for (int i = 0; contenantP != null && i < contenantP.taille(); i++) {
                int q = contenantP.get(i);
                Ligne avant = pivots[q];
                if (avant.contient(p)) {
                    Ligne apres = avant.eliminer(p, ligne);
                    pivots[q] = apres;
                    for (int v : apres.variables()) {
                        if (v != q && !avant.contient(v)) {
                            lignesAvec(v).ajouter(q);
                        }
                    }
                }
            }
            pivots[p] = ligne;
            for (int v : ligne.variables()) {
                if (v != p) {
                    lignesAvec(v).ajouter(p);
                }
            }
        }

        private int moinsPresente(Ligne ligne) {
            int meilleure = ligne.variables()[0];
            for (int v : ligne.variables()) {
                if (lignesAvec(v).taille() < lignesAvec(meilleure).taille()) {
                    meilleure = v;
                }
            }
            return meilleure;
        }

        private Entiers lignesAvec(int v) {
            if (occurrences[v] == null) {
                occurrences[v] = new Entiers();
            }
            return occurrences[v];
        }

        /** Whether v is a pivot whose row holds no free unknown: {@code a·v = b}. */
        boolean determinee(int v) {
            return pivots[v] != null && pivots[v].taille() == 1;
        }

        long valeur(int v) {
            Ligne ligne = pivots[v];
            long a = ligne.coefficients()[0];
            if (ligne.constante() % a != 0) {
                throw incoherence("a count would not be a whole number");
            }
            return ligne.constante() / a;
        }
    }

    /**
     * A sparse equation with exact integer coefficients:
     * {@code Σ coefficients[i]·x[variables[i]] = constante}, variables increasing, no zero coefficient.
     */
    private record Ligne(int[] variables, long[] coefficients, long constante) {

        int taille() {
            return variables.length;
        }

        boolean contient(int v) {
            return Arrays.binarySearch(variables, v) >= 0;
        }

        private long coefficient(int v) {
            return coefficients[Arrays.binarySearch(variables, v)];
        }

        /**
         * This equation combined with {@code pivot} (which also contains v) so that v cancels:
         * {@code (b/g)·this − (a/g)·pivot}, with a and b the coefficients of v and g their gcd;
         * then divided by the gcd of all its numbers.
         */
        Ligne eliminer(int v, Ligne pivot) {
            long a = coefficient(v);
            long b = pivot.coefficient(v);
            long g = pgcd(a, b);
            long facteur = b / g;
            long facteurPivot = a / g;
            int[] vars = new int[taille() + pivot.taille()];
            long[] coefs = new long[vars.length];
            int n = 0;
            for (int i = 0, j = 0; i < taille() || j < pivot.taille(); ) {
                int vi = i < taille() ? variables[i] : Integer.MAX_VALUE;
                int vj = j < pivot.taille() ? pivot.variables[j] : Integer.MAX_VALUE;
                int var = Math.min(vi, vj);
                long coef = 0;
                if (vi == var) {
                    coef = Math.multiplyExact(facteur, coefficients[i++]);
                }
                if (vj == var) {
                    coef = Math.subtractExact(coef, Math.multiplyExact(facteurPivot, pivot.coefficients[j++]));
                }
                if (coef != 0) {
                    vars[n] = var;
                    coefs[n++] = coef;
                }
            }
            long c = Math.subtractExact(Math.multiplyExact(facteur, constante),
                    Math.multiplyExact(facteurPivot, pivot.constante));
            return reduite(Arrays.copyOf(vars, n), Arrays.copyOf(coefs, n), c);
        }

        private static Ligne reduite(int[] variables, long[] coefficients, long constante) {
            long g = pgcd(constante, 0);
            for (long coef : coefficients) {
                g = pgcd(g, coef);
            }
            if (g > 1) {
                for (int i = 0; i < coefficients.length; i++) {
                    coefficients[i] /= g;
                }
                constante /= g;
            }
            return new Ligne(variables, coefficients, constante);
        }

        private static long pgcd(long a, long b) {
            a = Math.absExact(a);
            b = Math.absExact(b);
            while (b != 0) {
                long reste = a % b;
                a = b;
                b = reste;
            }
            return a;
        }
    }

    /** A growable list of ints, without boxing. */
    private static final class Entiers {

        private int[] valeurs = new int[4];
        private int taille;

        void ajouter(int valeur) {
            if (taille == valeurs.length) {
                valeurs = Arrays.copyOf(valeurs, 2 * taille);
            }
            valeurs[taille++] = valeur;
        }

        int get(int i) {
            return valeurs[i];
        }

        int taille() {
            return taille;
        }
    }
}
