package fr.infocentre.etl.generator;

import fr.infocentre.etl.generator.Codes.Financement;
import fr.infocentre.etl.generator.Codes.Reservataire;
import fr.infocentre.etl.generator.Codes.Typologie;

import java.util.SplittableRandom;

/**
 * Builds the attributions.csv row of a lease: the bailleur guichet that enters it (late at
 * faulty guichets), the dwelling (commune, QPV, size, surface, rent, financing) and the
 * reservation, with some fields left empty (more at faulty guichets).
 */
final class AttributionFactory {

    private static final Financement[] FINANCEMENTS = Financement.values();
    // PLAI, PLUS, PLS, PLI, AUTRE by plafond position (under PLAI, PLAI–PLUS, above PLUS)
    private static final double[][] FINANCEMENT_WEIGHTS = {{25, 64, 3, 0.5, 7.5}, {5, 80, 8, 1, 6}, {0, 30, 50, 15, 5}};
    private static final Reservataire[] RESERVATAIRES = Reservataire.values();
    // ETAT, ETAT_FONCTIONNAIRES, ACTION_LOGEMENT, COLLECTIVITE, BAILLEUR, AUTRE
    private static final double[] RESERVATAIRE_DALO = {85, 0, 5, 5, 5, 0};
    private static final double[] RESERVATAIRE_PRIORITAIRE = {45, 2, 15, 15, 21, 2};
    private static final double[] RESERVATAIRE_OTHER = {10, 4, 26, 22, 34, 4};
    /** Median surface in m² by typologie T1..T6. */
    private static final int[] SURFACE = {30, 47, 66, 80, 95, 110};
    /** Rent per m² by financing: PLAI, PLUS, PLS, PLI, AUTRE. */
    private static final double[] RENT_PER_M2 = {5.4, 6.1, 8.8, 11.0, 5.8};

    private final CommuneSampler communes;
    private final GuichetNetwork guichets;
    private final long seed;

    AttributionFactory(CommuneSampler communes, GuichetNetwork guichets, long seed) {
        this.communes = communes;
        this.guichets = guichets;
        this.seed = seed;
    }

    /** The lease signed on {@code dateBail} for {@code d}, whose situation is then {@code situation}. */
    Attribution attribute(SplittableRandom rng, Demande d, Situation situation, int dateBail) {
        String departement = d.firstChoice().departement();
        Guichet guichet = guichets.bailleur(rng, departement, dateBail);
        int saisie = dateBail + entryDelay(rng, guichet);
        if (!guichet.isOpen(saisie)) {
            guichet = guichets.bailleur(rng, departement, saisie);
        }
        boolean faulty = !guichet.faults().isEmpty();
        double missing = faulty ? 0.10 : 0.01;
        Household h = situation.household();
        String commune = communes.dwelling(rng, d.firstChoice(), situation.communesSouhaitees());
        Typologie typologie = typologie(rng, h.typologie);
        int surface = (int) Math.round(SURFACE[typologie.ordinal()] * Draw.logNormal(rng, 1.0, 0.12));
        Financement financement = Draw.pick(rng, FINANCEMENTS, FINANCEMENT_WEIGHTS[Math.min(2, d.plafondPosition())]);
        double zoneRent = switch (d.zone()) {
            case PARIS_LIMITROPHES -> 1.5;
            case IDF_HORS_PARIS -> 1.25;
            case AUTRES_REGIONS -> 1.0;
        };
        int loyer = (int) Math.round(surface * RENT_PER_M2[financement.ordinal()] * zoneRent
                * Draw.logNormal(rng, 1.0, 0.1));
        boolean dalo = Boolean.TRUE.equals(h.dalo);
        double[] reservation = dalo ? RESERVATAIRE_DALO
                : Boolean.TRUE.equals(h.prioritaire) ? RESERVATAIRE_PRIORITAIRE : RESERVATAIRE_OTHER;
        boolean qpv = Draw.chance(rng, "93".equals(departement) ? 0.5 : 0.32);
        String rpls = Draw.chance(rng, faulty ? 0.25 : 0.03) ? null : rpls(rng);
        return new Attribution(dateBail, saisie, guichet.code(), guichet.codeBailleur(), commune,
                Draw.chance(rng, missing) ? null : qpv,
                Draw.chance(rng, missing) ? null : typologie,
                Draw.chance(rng, missing) ? null : surface,
                Draw.chance(rng, missing) ? null : loyer,
                Draw.chance(rng, missing) ? null : financement,
                Draw.chance(rng, missing) ? null : Draw.pick(rng, RESERVATAIRES, reservation),
                dalo, rpls);
    }

    private static int entryDelay(SplittableRandom rng, Guichet guichet) {
        if (guichet.has(GuichetFault.LATE_ATTRIBUTION_ENTRY) && Draw.chance(rng, 0.5)) {
            return Draw.between(rng, 31, 240);
        }
        double u = rng.nextDouble();
        return u < 0.45 ? 0 : u < 0.9 ? Draw.between(rng, 1, 10) : u < 0.98 ? Draw.between(rng, 11, 30)
                : Draw.between(rng, 31, 90);
    }

    private static Typologie typologie(SplittableRandom rng, Typologie wished) {
        Typologie[] values = Typologie.values();
        int t = wished == null ? Draw.between(rng, 1, 3) : wished.ordinal();
        double u = rng.nextDouble();
        if (u < 0.1) {
            t--;
        } else if (u < 0.18) {
            t++;
        }
        return values[Math.max(0, Math.min(values.length - 1, t))];
    }

    private String rpls(SplittableRandom rng) {
        long n = Long.remainderUnsigned(Draw.mix(seed, rng.nextLong()), 10_000_000_000L);
        String digits = Long.toString(n);
        return "0".repeat(10 - digits.length()) + digits;
    }
}
