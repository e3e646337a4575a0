package fr.infocentre.etl.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The generator's draws of communes (not the warehouse's geography tables, which are
 * {@code fr.infocentre.etl.reference.Geography}): the communes of the reference copy weighted for
 * drawing where demandes come from and where they wish to live: first-choice communes drawn in
 * proportion to population × urban factor × local tension, other wishes nearby (same EPCI
 * or département), residence, and the commune of an attributed dwelling. Restricted to a
 * perimeter of départements (empty = all France); the national weights are kept to scale
 * volumes to the perimeter.
 */
final class CommuneSampler {

    /** Country codes (INSEE "99…") of applicants living abroad. */
    private static final String[] ABROAD = {"99109", "99127", "99131", "99134", "99139", "99350", "99351", "99352"};
    private static final double[] WISH_COUNT_WEIGHTS = {34, 16, 15, 11, 9, 6, 4, 5}; // 1..8 communes

    private final WeightedTable<Commune> firstChoices;
    private final WeightedTable<Commune> nationalResidences;
    // look-up tables only, never iterated: hash order cannot leak into the output
    private final Map<String, WeightedTable<Commune>> byDepartement = new HashMap<>();
    private final Map<String, WeightedTable<Commune>> byEpci = new HashMap<>();
    private final Map<String, WeightedTable<Commune>> arrondissements = new HashMap<>();
    private final Map<String, Double> departementShares = new HashMap<>();
    private final List<String> departements;
    private final double perimeterShare;

    CommuneSampler(List<Commune> communes, Set<String> perimeter) {
        List<Commune> all = new ArrayList<>();
        List<Double> allWeights = new ArrayList<>();
        List<Commune> inside = new ArrayList<>();
        List<Double> insideWeights = new ArrayList<>();
        Map<String, List<Commune>> deptLists = new TreeMap<>();
        Map<String, List<Commune>> epciLists = new TreeMap<>();
        Map<String, List<Commune>> arrondissementLists = new TreeMap<>();
        double national = 0;
        double local = 0;
        for (Commune c : communes) {
            if (c.population() <= 0) {
                continue;
            }
            boolean in = perimeter.isEmpty() || perimeter.contains(c.departement());
            if (c.arrondissement()) {
                if (in) {
                    arrondissementLists.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c);
                }
                continue;
            }
            double weight = c.population() * Tension.urbanFactor(c.population())
                    * Tension.filingWeight(c.departement());
            all.add(c);
            allWeights.add(weight);
            national += weight;
            if (in) {
                inside.add(c);
                insideWeights.add(weight);
                local += weight;
                departementShares.merge(c.departement(), weight, Double::sum);
                deptLists.computeIfAbsent(c.departement(), k -> new ArrayList<>()).add(c);
                if (!c.epci().isEmpty()) {
                    epciLists.computeIfAbsent(c.epci(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        if (inside.isEmpty()) {
            throw new IllegalArgumentException("no commune in the perimeter " + perimeter);
        }
        firstChoices = new WeightedTable<>(inside, unbox(insideWeights));
        nationalResidences = new WeightedTable<>(all, unbox(allWeights));
        deptLists.forEach((k, v) -> byDepartement.put(k, byPopulation(v)));
        epciLists.forEach((k, v) -> byEpci.put(k, byPopulation(v)));
        arrondissementLists.forEach((k, v) -> arrondissements.put(k, byPopulation(v)));
        departements = List.copyOf(deptLists.keySet());
        perimeterShare = local / national;
        for (Map.Entry<String, Double> e : departementShares.entrySet()) {
            e.setValue(e.getValue() / national);
        }
    }

    private static WeightedTable<Commune> byPopulation(List<Commune> communes) {
        double[] weights = new double[communes.size()];
        for (int i = 0; i < weights.length; i++) {
            Commune c = communes.get(i);
            weights[i] = c.population() * Tension.urbanFactor(c.population());
        }
        return new WeightedTable<>(communes, weights);
    }

    private static double[] unbox(List<Double> values) {
        double[] result = new double[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    /** Share of the national demand that falls in the perimeter. */
    double perimeterShare() {
        return perimeterShare;
    }

    /** Share of the national demand that falls in one département of the perimeter. */
    double departementShare(String departement) {
        return departementShares.getOrDefault(departement, 0.0);
    }

    /** Départements of the perimeter that have communes, sorted. */
    List<String> departements() {
        return departements;
    }

    /** Population-weighted communes of a département of the perimeter. */
    WeightedTable<Commune> communesOf(String departement) {
        return byDepartement.get(departement);
    }

    Commune firstChoice(SplittableRandom rng) {
        return firstChoices.draw(rng);
    }

    /**
     * The wished communes, first choice first: 1 to 8 distinct codes. Paris, Lyon and
     * Marseille are wished as a whole for some demandes, by arrondissement for others.
     */
    List<String> wishes(SplittableRandom rng, Commune first) {
        int count = Draw.index(rng, WISH_COUNT_WEIGHTS) + 1;
        List<String> codes = new ArrayList<>(count);
        WeightedTable<Commune> plm = arrondissements.get(first.code());
        boolean byArrondissement = plm != null && Draw.chance(rng, 0.4);
        codes.add(byArrondissement ? plm.draw(rng).code() : first.code());
        for (int attempt = 0; codes.size() < count && attempt < 4 * count; attempt++) {
            String code = byArrondissement && Draw.chance(rng, 0.6) ? plm.draw(rng).code()
                    : nearby(rng, first, byArrondissement);
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /**
     * A commune near the first choice that is not wished yet (as {@link #wishes} draws them), or
     * null if four draws found none.
     */
    String extraWish(SplittableRandom rng, Commune first, List<String> wishes) {
        boolean byArrondissement = !wishes.get(0).equals(first.code());
        for (int attempt = 0; attempt < 4; attempt++) {
            String code = nearby(rng, first, byArrondissement);
            if (!wishes.contains(code)) {
                return code;
            }
        }
        return null;
    }

    /** A commune of the first choice's EPCI (or département), sometimes of its département; an arrondissement if asked. */
    private String nearby(SplittableRandom rng, Commune first, boolean byArrondissement) {
        WeightedTable<Commune> nearby = first.epci().isEmpty() ? byDepartement.get(first.departement())
                : byEpci.get(first.epci());
        Commune c = (Draw.chance(rng, 0.7) ? nearby : byDepartement.get(first.departement())).draw(rng);
        WeightedTable<Commune> cityArrondissements = arrondissements.get(c.code());
        return cityArrondissements != null && byArrondissement ? cityArrondissements.draw(rng).code() : c.code();
    }

    /** Current residence: mostly near the first choice, some elsewhere in France, a few abroad. */
    String residence(SplittableRandom rng, Commune first, List<String> wishes) {
        double u = rng.nextDouble();
        if (u < 0.007) {
            return ABROAD[rng.nextInt(ABROAD.length)];
        }
        if (u < 0.08) {
            return precise(rng, nationalResidences.draw(rng));
        }
        if (u < 0.28) {
            return precise(rng, byDepartement.get(first.departement()).draw(rng));
        }
        if (u < 0.43) {
            return wishes.get(rng.nextInt(wishes.size()));
        }
        return precise(rng, first);
    }

    /** Commune of an attributed dwelling: usually a wished commune, sometimes elsewhere nearby. */
    String dwelling(SplittableRandom rng, Commune first, List<String> wishes) {
        double u = rng.nextDouble();
        String code;
        if (u < 0.05) {
            code = byDepartement.get(first.departement()).draw(rng).code();
        } else if (u < 0.2 && wishes.size() > 1) {
            code = wishes.get(1 + rng.nextInt(wishes.size() - 1));
        } else {
            code = wishes.get(0);
        }
        WeightedTable<Commune> plm = arrondissements.get(code);
        return plm == null ? code : plm.draw(rng).code();
    }

    /** The commune itself, or one of its arrondissements for Paris, Lyon and Marseille. */
    private String precise(SplittableRandom rng, Commune commune) {
        WeightedTable<Commune> plm = arrondissements.get(commune.code());
        return plm == null || Draw.chance(rng, 0.2) ? commune.code() : plm.draw(rng).code();
    }
}
