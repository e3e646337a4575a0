package fr.infocentre.etl.generator;

import fr.infocentre.etl.reference.Plafonds;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates the demandes filed on a day: first-choice commune, channel, registering guichet and
 * its delay, household, wishes and residence; and, at guichets that register real duplicates,
 * the second demande of the same applicant.
 */
final class DemandeFactory {

    private static final double MISSING = 0.015;
    private static final double MISSING_PGP = 0.008;
    private static final double MISSING_FAULTY = 0.25;
    private static final double DUPLICATE_SHARE = 0.15;

    private final CommuneSampler communes;
    private final GuichetNetwork guichets;
    private final HouseholdSampler households;
    private final ReferenceData reference;
    private final long seed;

    DemandeFactory(CommuneSampler communes, GuichetNetwork guichets, HouseholdSampler households,
                   ReferenceData reference, long seed) {
        this.communes = communes;
        this.guichets = guichets;
        this.households = households;
        this.reference = reference;
        this.seed = seed;
    }

    /**
     * The demande filed on {@code day} with global index {@code index}; it may be registered
     * after an extraction date (an extract shows it from its registration on).
     */
    Demande create(SplittableRandom rng, long index, int day) {
        Commune first = communes.firstChoice(rng);
        int year = Dates.year(day);
        Codes.Canal canal = Draw.chance(rng, Calibration.pgpShare(year)) ? Codes.Canal.PGP : Codes.Canal.GUICHET;
        Guichet guichet = guichets.registrar(rng, first.departement(), day);
        int enregistrement = day + registrationDelay(rng, canal, guichet);
        guichet = guichets.acting(rng, guichet, enregistrement);
        boolean association = Draw.chance(rng, Calibration.PERSONNE_MORALE_SHARE);
        Plafonds.Zone zone = reference.zoneOf(first);
        double missing = guichet.has(GuichetFault.INCOMPLETE_DEMANDES) ? MISSING_FAULTY
                : canal == Codes.Canal.PGP ? MISSING_PGP : MISSING;
        Household household = households.sample(rng, year, zone, missing);
        if (association) {
            HouseholdSampler.asAssociation(household);
        }
        List<String> wishes = communes.wishes(rng, first);
        String residence = Draw.chance(rng, missing) ? null : communes.residence(rng, first, wishes);
        boolean forced = Draw.chance(rng, guichet.has(GuichetFault.FORCED_DUPLICATES) ? 0.12 : 0.004);
        int position = households.plafondPosition(household, year, zone);
        return new Demande(numero(first.departement(), day, 2 * index), idDemandeur(index), guichet, canal,
                association, day, enregistrement, household, first, wishes, residence, forced, zone, position,
                attributionFactor(first, household, position), Tension.renewalBonus(first.departement()), false);
    }

    /**
     * A second demande of the same applicant at another guichet of the département, filed
     * weeks later, when the original was registered at a guichet that lets duplicates through;
     * null otherwise.
     */
    Demande duplicateOf(SplittableRandom rng, long index, Demande original) {
        if (!original.guichet().has(GuichetFault.REAL_DUPLICATES) || !Draw.chance(rng, DUPLICATE_SHARE)) {
            return null;
        }
        int depot = original.dateDepot() + Draw.between(rng, 7, 120);
        int enregistrement = depot + Draw.between(rng, 0, 10);
        Guichet other = guichets.registrar(rng, original.firstChoice().departement(), enregistrement);
        return new Demande(numero(original.firstChoice().departement(), depot, 2 * index + 1),
                original.idDemandeur(), other, Codes.Canal.GUICHET, original.personneMorale(), depot, enregistrement,
                HouseholdSampler.copyOf(original.household()), original.firstChoice(),
                original.communesSouhaitees(), original.communeResidence(), Draw.chance(rng, 0.5), original.zone(),
                original.plafondPosition(), original.attributionFactor(), original.renewalBonus(), true);
    }

    private static int registrationDelay(SplittableRandom rng, Codes.Canal canal, Guichet guichet) {
        if (guichet.has(GuichetFault.LATE_REGISTRATION) && Draw.chance(rng, 0.45)) {
            return Draw.between(rng, 31, 150);
        }
        if (canal == Codes.Canal.PGP) {
            return Draw.chance(rng, 0.8) ? Draw.between(rng, 0, 3) : Draw.between(rng, 4, 20);
        }
        double u = rng.nextDouble();
        return u < 0.65 ? 0 : u < 0.92 ? Draw.between(rng, 1, 15) : u < 0.99 ? Draw.between(rng, 16, 30)
                : Draw.between(rng, 31, 60);
    }

    /** Attribution hazard relative to the national rate: local tension times household priority. */
    private static double attributionFactor(Commune first, Household h, int plafondPosition) {
        double factor = Tension.attributionFactor(first.departement());
        if (h.mutation()) {
            factor *= 0.72;
        }
        if (Boolean.TRUE.equals(h.dalo)) {
            factor *= 3.5;
        } else if (Boolean.TRUE.equals(h.prioritaire)) {
            factor *= 1.4;
        }
        if (h.typologie != null) {
            factor *= switch (h.typologie) {
                case T1 -> 0.85;
                case T5 -> 0.8;
                case T6 -> 0.6;
                default -> 1.0;
            };
        }
        return plafondPosition >= 2 ? factor * 0.5 : factor;
    }

    /** Numéro unique: département on 3 characters, year and month of filing, sequence, check letter. */
    private static String numero(String departement, int day, long sequence) {
        StringBuilder sb = new StringBuilder(20);
        if (departement.length() == 2) {
            sb.append('0');
        }
        sb.append(departement);
        int year = Dates.year(day) % 100;
        int month = Dates.month(day);
        sb.append((char) ('0' + year / 10)).append((char) ('0' + year % 10));
        sb.append((char) ('0' + month / 10)).append((char) ('0' + month % 10));
        String digits = Long.toString(sequence);
        for (int i = digits.length(); i < 10; i++) {
            sb.append('0');
        }
        sb.append(digits);
        sb.append((char) ('A' + (int) Long.remainderUnsigned(sequence * 31 + departement.hashCode(), 26)));
        return sb.toString();
    }

    private String idDemandeur(long index) {
        String hex = Long.toHexString(Draw.mix(seed ^ 0x1D0E_AA11_D00DL, index));
        return "0".repeat(16 - hex.length()) + hex;
    }
}
