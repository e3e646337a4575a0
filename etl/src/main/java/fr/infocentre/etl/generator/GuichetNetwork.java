package fr.infocentre.etl.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The guichets of the perimeter: about 1,600 nationally at scale 1, spread over the
 * départements in proportion to demand, at least two per département (the first, a
 * bailleur, and the second never close). About one in ten is faulty. Picks the guichet
 * that registers a demande, acts on it later, or enters its attribution, always among
 * guichets open on the date. The network is the same whatever the extraction date: an extract
 * lists the guichets opened by its date ({@link ExtractWriter#guichets}).
 */
final class GuichetNetwork {

    private static final double NATIONAL_COUNT = 1_600;
    private static final double FAULTY_SHARE = 0.10;
    private static final Codes.TypeGuichet[] TYPES = Codes.TypeGuichet.values();
    /** National mix of guichet types: BAILLEUR, COMMUNE, EPCI, DEPARTEMENT, ETAT, ACTION_LOGEMENT, AUTRE. */
    private static final double[] TYPE_SHARES = {55, 24, 6, 4, 4, 4, 3};
    /** Relative number of demandes each type registers. */
    private static final double[] TYPE_ACTIVITY = {1.0, 1.2, 1.5, 1.0, 0.8, 0.7, 0.5};
    private static final int ALWAYS_OPEN = 2;
    private static final int TRIES = 8;

    private final List<Guichet> guichets = new ArrayList<>();
    // look-up tables only, never iterated: hash order cannot leak into the output
    private final Map<String, List<Guichet>> byDepartement = new HashMap<>();
    private final Map<String, WeightedTable<Guichet>> registrars = new HashMap<>();
    private final Map<String, WeightedTable<Guichet>> bailleurs = new HashMap<>();

    GuichetNetwork(CommuneSampler communes, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(Draw.mix(seed, -1));
        List<String> departements = communes.departements();
        for (int n = 0; n < departements.size(); n++) {
            String departement = departements.get(n);
            // the second guichet's type cycles over the non-bailleur types: all types exist even at small scale
            Codes.TypeGuichet second = TYPES[1 + n % (TYPES.length - 1)];
            int count = Math.max(ALWAYS_OPEN,
                    (int) Math.round(NATIONAL_COUNT * scale * communes.departementShare(departement)));
            List<Guichet> local = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                local.add(create(rng, communes.communesOf(departement), departement, i, second));
            }
            guichets.addAll(local);
            byDepartement.put(departement, Collections.unmodifiableList(local));
            registrars.put(departement, new WeightedTable<>(local, weights(local)));
            List<Guichet> landlords = local.stream().filter(g -> g.type() == Codes.TypeGuichet.BAILLEUR).toList();
            bailleurs.put(departement, new WeightedTable<>(landlords, weights(landlords)));
        }
    }

    private static double[] weights(List<Guichet> list) {
        double[] w = new double[list.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = list.get(i).weight();
        }
        return w;
    }

    private static Guichet create(SplittableRandom rng, WeightedTable<Commune> communes, String departement, int i,
                                  Codes.TypeGuichet second) {
        Codes.TypeGuichet type = i == 0 ? Codes.TypeGuichet.BAILLEUR
                : i == 1 ? second : Draw.pick(rng, TYPES, TYPE_SHARES);
        Commune commune = communes.draw(rng);
        String number = (i < 999 ? String.valueOf(1000 + i + 1).substring(1) : String.valueOf(i + 1));
        String code = "G" + departement + number;
        int start = Dates.of(Calibration.SIMULATION_START);
        int ouverture = start;
        int fermeture = Integer.MAX_VALUE;
        if (i >= ALWAYS_OPEN) {
            ouverture = Draw.chance(rng, 0.7) ? start + rng.nextInt(3 * 365)
                    : Dates.of(LocalDate.of(2012, 1, 1)) + rng.nextInt(12 * 365);
            if (Draw.chance(rng, 0.06)) {
                fermeture = ouverture + 2 * 365 + rng.nextInt(10 * 365);
            }
        }
        double weight = TYPE_ACTIVITY[type.ordinal()] * Draw.logNormal(rng, 1.0, 0.5);
        return new Guichet(code, libelle(type, commune, departement, number), type, commune.code(), departement,
                ouverture, fermeture, faults(rng, type), type == Codes.TypeGuichet.BAILLEUR ? "B" + departement + number : "",
                weight);
    }

    private static EnumSet<GuichetFault> faults(SplittableRandom rng, Codes.TypeGuichet type) {
        EnumSet<GuichetFault> faults = EnumSet.noneOf(GuichetFault.class);
        if (!Draw.chance(rng, FAULTY_SHARE)) {
            return faults;
        }
        GuichetFault[] all = GuichetFault.values();
        int count = Draw.chance(rng, 0.3) ? 2 : 1;
        while (faults.size() < count) {
            GuichetFault fault = all[rng.nextInt(all.length)];
            if (fault != GuichetFault.LATE_ATTRIBUTION_ENTRY || type == Codes.TypeGuichet.BAILLEUR) {
                faults.add(fault);
            }
        }
        return faults;
    }

    private static String libelle(Codes.TypeGuichet type, Commune commune, String departement, String number) {
        return switch (type) {
            case BAILLEUR -> "Bailleur social " + departement + "-" + number + " – " + commune.nom();
            case COMMUNE -> "Mairie de " + commune.nom();
            case EPCI -> "Service habitat intercommunal – " + commune.nom();
            case DEPARTEMENT -> "Conseil départemental " + departement + " – antenne " + number;
            case ETAT -> "DDETS " + departement + " – service logement " + number;
            case ACTION_LOGEMENT -> "Action Logement Services – " + commune.nom();
            case AUTRE -> "Association d'aide au logement – " + commune.nom();
        };
    }

    /** Every guichet, with its real closing date, in code order within each département. */
    List<Guichet> all() {
        return guichets;
    }

    /** A guichet of the département open on the day, drawn by activity. */
    Guichet registrar(SplittableRandom rng, String departement, int day) {
        return openAmong(rng, registrars.get(departement), departement, day);
    }

    /** A bailleur guichet of the département open on the day. */
    Guichet bailleur(SplittableRandom rng, String departement, int day) {
        return openAmong(rng, bailleurs.get(departement), departement, day);
    }

    /** The given guichet if open on the day, else another open guichet of its département. */
    Guichet acting(SplittableRandom rng, Guichet preferred, int day) {
        return preferred.isOpen(day) ? preferred : registrar(rng, preferred.departement(), day);
    }

    private Guichet openAmong(SplittableRandom rng, WeightedTable<Guichet> table, String departement, int day) {
        for (int t = 0; t < TRIES; t++) {
            Guichet g = table.draw(rng);
            if (g.isOpen(day)) {
                return g;
            }
        }
        return table.items().get(0).isOpen(day) ? table.items().get(0) : byDepartement.get(departement).get(0);
    }
}
