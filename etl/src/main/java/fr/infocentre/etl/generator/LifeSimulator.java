package fr.infocentre.etl.generator;

import fr.infocentre.etl.generator.Codes.Canal;
import fr.infocentre.etl.generator.Codes.MotifRadiation;
import fr.infocentre.etl.generator.Codes.TypeEvenement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates the whole life of one demande, from registration to its final radiation, in monthly
 * slices. In each slice the demande may be attributed (hazard = national rate of the month × local
 * tension × household priority × seniority) or radiated for another motif, and may get
 * MODIFICATION and PIECE events. Before each anniversary of the filing date the applicant renews
 * it or not; a demande not renewed is radiated by the system about a month after the
 * anniversary, and a few are reactivated within months. MODIFICATION and RENOUVELLEMENT events
 * change the demande's situation ({@link SituationChanges}). Events come out in date order.
 *
 * <p>The life never depends on an extraction date: it is simulated to its end, from the
 * demande's own random streams, and an extract shows what of it had happened by its date
 * ({@link Life#at}). So a demande is the same in every extract of a seed, whatever the dates asked.
 */
final class LifeSimulator {

    private static final int SLICE_DAYS = 30;
    private static final MotifRadiation[] OTHER_MOTIFS = {
        MotifRadiation.RENONCIATION, MotifRadiation.ABSENCE_REPONSE, MotifRadiation.IRRECEVABILITE, MotifRadiation.FUSION};
    private static final int LOCKDOWN_FROM = Dates.of(LocalDate.of(2020, 3, 12));
    private static final int LOCKDOWN_TO = Dates.of(LocalDate.of(2020, 7, 23));

    private final GuichetNetwork guichets;
    private final SituationChanges changes;
    private final AttributionFactory attributions;

    LifeSimulator(GuichetNetwork guichets, SituationChanges changes, AttributionFactory attributions) {
        this.guichets = guichets;
        this.changes = changes;
        this.attributions = attributions;
    }

    /** Mutable state of one simulated life. */
    private static final class State {
        final List<Evenement> events = new ArrayList<>(8);
        final List<Situation> situations = new ArrayList<>(4);
        final SplittableRandom changes;
        Attribution attribution;

        State(Demande d, SplittableRandom changes) {
            this.changes = changes;
            situations.add(new Situation(d.dateEnregistrement(), d.household(), d.communesSouhaitees(),
                    d.communeResidence()));
        }

        void add(Evenement e) {
            events.add(e);
        }

        Situation situation() {
            return situations.get(situations.size() - 1);
        }
    }

    /**
     * The life of {@code d}: events, attribution and radiations drawn from {@code rng}, the
     * situation changes that only MODIFICATION and RENOUVELLEMENT events bring from
     * {@code changeRng} (a stream of the demande's own, so that they never shift the draws of its events).
     */
    Life simulate(SplittableRandom rng, SplittableRandom changeRng, Demande d) {
        State st = new State(d, changeRng);
        Guichet home = d.guichet();
        int s = d.dateEnregistrement();
        st.add(new Evenement(s, TypeEvenement.CREATION, d.canal() == Canal.GUICHET ? home.code() : "", d.canal(), null, 0));
        LocalDate depot = Dates.date(d.dateDepot());
        int years = 1;
        int anniversary = Dates.of(depot.plusYears(years));
        int decision = renewalDay(rng, anniversary, s);
        int pendingRadiation = -1;
        boolean first = true;
        while (true) {
            int boundary = pendingRadiation >= 0 ? pendingRadiation : decision;
            int e = Math.min(s + SLICE_DAYS, boundary);
            if (e > s) {
                if (slice(rng, d, st, s, e, first)) {
                    break;
                }
                first = false;
            }
            s = e;
            if (pendingRadiation >= 0 && s == pendingRadiation) {
                radiate(st, s, MotifRadiation.NON_RENOUVELLEMENT, "", Canal.SYSTEME);
                if (!Draw.chance(rng, Calibration.REACTIVATION_SHARE)) {
                    break;
                }
                int reactivation = s + Draw.between(rng, 10, 120);
                st.add(act(rng, home, reactivation, TypeEvenement.REACTIVATION, 0.4));
                pendingRadiation = -1;
                while (anniversary <= reactivation + SLICE_DAYS) {
                    years++;
                    anniversary = Dates.of(depot.plusYears(years));
                }
                decision = renewalDay(rng, anniversary, reactivation);
                s = reactivation;
            } else if (pendingRadiation < 0 && s == decision) {
                if (Draw.chance(rng, Calibration.renewalProbability(Dates.year(anniversary)) + d.renewalBonus())) {
                    st.add(act(rng, home, s, TypeEvenement.RENOUVELLEMENT, 1.0));
                    st.situations.add(changes.renewal(st.changes, st.situation(), s));
                    years++;
                    anniversary = Dates.of(depot.plusYears(years));
                    decision = renewalDay(rng, anniversary, s);
                } else {
                    pendingRadiation = expiryRadiationDay(rng, anniversary);
                }
            }
        }
        return new Life(List.copyOf(st.events), List.copyOf(st.situations), st.attribution);
    }

    /** One slice [s, e): returns true when the demande leaves (attributed or radiated). */
    private boolean slice(SplittableRandom rng, Demande d, State st, int s, int e, boolean first) {
        double years = (e - s) / 365.25;
        double months = (s - d.dateDepot()) / 30.44;
        double attribution = Calibration.attributionRate(Dates.year(s), Dates.month(s)) * d.attributionFactor()
                * seniority(months);
        double[] others = {
            Calibration.RENONCIATION_RATE,
            Calibration.ABSENCE_REPONSE_RATE,
            Calibration.IRRECEVABILITE_RATE * (months < 12 ? 2.5 : 0.3),
            d.duplicate() ? 0.8 : Calibration.FUSION_RATE};
        double other = others[0] + others[1] + others[2] + others[3];
        double u = rng.nextDouble();
        boolean attributed = u < attribution * years;
        boolean radiated = !attributed && u < (attribution + other) * years;
        int exitDay = attributed || radiated ? s + rng.nextInt(e - s) : Integer.MAX_VALUE;
        int modification = Draw.chance(rng, Calibration.MODIFICATION_RATE * years) ? s + rng.nextInt(e - s) : -1;
        int piece = Draw.chance(rng, first ? 0.65 : Calibration.PIECE_RATE * years) ? s + rng.nextInt(e - s) : -1;
        if (modification >= 0 && piece >= 0 && piece < modification) {
            addPiece(rng, d, st, piece, exitDay);
            piece = -1;
        }
        if (modification >= 0 && modification <= exitDay) {
            st.add(act(rng, d.guichet(), modification, TypeEvenement.MODIFICATION, 0.8));
            st.situations.add(changes.modification(rng, st.changes, d, st.situation(), modification));
        }
        if (piece >= 0) {
            addPiece(rng, d, st, piece, exitDay);
        }
        if (attributed) {
            Attribution a = attributions.attribute(rng, d, st.situation(), exitDay);
            st.attribution = a;
            radiate(st, exitDay, MotifRadiation.ATTRIBUTION, a.codeGuichet(), Canal.GUICHET);
            return true;
        }
        if (radiated) {
            MotifRadiation motif = OTHER_MOTIFS[Draw.index(rng, others)];
            boolean online = motif == MotifRadiation.RENONCIATION && Draw.chance(rng, Calibration.onlineActShare(Dates.year(exitDay)) * 0.5);
            radiate(st, exitDay, motif, online ? "" : guichets.acting(rng, d.guichet(), exitDay).code(),
                    online ? Canal.PGP : Canal.GUICHET);
            return true;
        }
        return false;
    }

    private void addPiece(SplittableRandom rng, Demande d, State st, int day, int exitDay) {
        if (day <= exitDay) {
            Evenement e = act(rng, d.guichet(), day, TypeEvenement.PIECE, 1.2);
            st.add(new Evenement(day, e.type(), e.codeGuichet(), e.canal(), null, Draw.between(rng, 1, 4)));
        }
    }

    /** An act by the applicant online (share of the year × {@code onlineWeight}) or by a guichet. */
    private Evenement act(SplittableRandom rng, Guichet home, int day, TypeEvenement type, double onlineWeight) {
        if (Draw.chance(rng, Calibration.onlineActShare(Dates.year(day)) * onlineWeight)) {
            return new Evenement(day, type, "", Canal.PGP, null, 0);
        }
        return new Evenement(day, type, guichets.acting(rng, home, day).code(), Canal.GUICHET, null, 0);
    }

    private static void radiate(State st, int day, MotifRadiation motif, String guichet, Canal canal) {
        st.add(new Evenement(day, TypeEvenement.RADIATION, guichet, canal, motif, 0));
    }

    /** Attribution chances grow with seniority (commissions weigh ancienneté; a new dossier is rarely ready). */
    private static double seniority(double months) {
        if (months < 3) {
            return 0.35;
        }
        if (months < 12) {
            return 0.85;
        }
        if (months < 24) {
            return 1.15;
        }
        return months < 36 ? 1.3 : 1.4;
    }

    /** The applicant renews in the 45 days before the anniversary (never before the last act). */
    private static int renewalDay(SplittableRandom rng, int anniversary, int after) {
        return Math.max(after + 1, anniversary - Draw.between(rng, 1, 45));
    }

    /**
     * The system radiates a non-renewed demande about a month after its anniversary; during
     * the 2020 health emergency, expiries were postponed to the end of July.
     */
    private static int expiryRadiationDay(SplittableRandom rng, int anniversary) {
        int day = anniversary + Draw.between(rng, 25, 40);
        if (day >= LOCKDOWN_FROM && day <= LOCKDOWN_TO) {
            return LOCKDOWN_TO + 1 + rng.nextInt(30);
        }
        return day;
    }
}
