package fr.infocentre.etl.generator;

import fr.infocentre.etl.generator.Codes.Typologie;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a demande's situation changes over its life, at its MODIFICATION and RENOUVELLEMENT
 * events only (rates: docs/calibration.md, "Weekly extracts"):
 * <ul>
 *   <li>a MODIFICATION records one household change — a birth (household and children + 1,
 *   sometimes one more room sought), an income change (monthly income and RFR) or a new
 *   professional situation — and sometimes also a move (current housing and residence drawn
 *   again) or a change of the wished communes (one added near the first choice, or one
 *   dropped; the first choice never changes);</li>
 *   <li>a RENOUVELLEMENT brings the RFR of the new tax year, and sometimes a new monthly income.</li>
 * </ul>
 * The household change of a MODIFICATION is drawn from the life's stream, as before the
 * situations existed (so that extracts of a seed keep their households); everything else from
 * the demande's own changes stream.
 */
final class SituationChanges {

    /** Share of MODIFICATION events that also record a move. */
    static final double MOVE_SHARE = 0.15;
    /** Share of MODIFICATION events that also change the wished communes. */
    static final double WISHES_SHARE = 0.15;
    /** Share of renewals that re-declare the monthly income. */
    static final double INCOME_AT_RENEWAL_SHARE = 0.35;
    private static final int MAX_WISHES = 8;

    private final CommuneSampler communes;

    SituationChanges(CommuneSampler communes) {
        this.communes = communes;
    }

    /** The situation after a MODIFICATION of {@code d} on {@code day}. */
    Situation modification(SplittableRandom life, SplittableRandom changes, Demande d, Situation current, int day) {
        Household h = HouseholdSampler.copyOf(current.household());
        int year = Dates.year(day);
        householdChange(life, h, year);
        String residence = current.communeResidence();
        if (Draw.chance(changes, MOVE_SHARE) && h.anneeNaissance != null) {
            h.logementActuel = HouseholdSampler.logement(changes, h.composition, year - h.anneeNaissance);
            residence = communes.residence(changes, d.firstChoice(), current.communesSouhaitees());
        }
        List<String> wishes = current.communesSouhaitees();
        if (Draw.chance(changes, WISHES_SHARE)) {
            wishes = changedWishes(changes, d.firstChoice(), wishes);
        }
        return new Situation(day, h, wishes, residence);
    }

    /** The situation after a RENOUVELLEMENT on {@code day}: the new tax year's RFR, sometimes a new income. */
    Situation renewal(SplittableRandom changes, Situation current, int day) {
        Household h = HouseholdSampler.copyOf(current.household());
        double growth = 1 + HouseholdSampler.INCOME_GROWTH;
        if (h.revenuFiscalReference != null) {
            h.revenuFiscalReference = (int) Math.round(h.revenuFiscalReference * Draw.logNormal(changes, growth, 0.12));
        }
        if (Draw.chance(changes, INCOME_AT_RENEWAL_SHARE) && h.revenuMensuel != null) {
            h.revenuMensuel = (int) Math.round(h.revenuMensuel * Draw.logNormal(changes, growth, 0.15));
        }
        return new Situation(day, h, current.communesSouhaitees(), current.communeResidence());
    }

    /** A birth, an income change (monthly income and RFR alike) or a job change. */
    private static void householdChange(SplittableRandom rng, Household h, int year) {
        double u = rng.nextDouble();
        boolean canHaveChild = h.tailleMenage != null && h.nbEnfants != null && h.anneeNaissance != null
                && year - h.anneeNaissance < 45 && h.composition != Household.Composition.PERSONNE_SEULE;
        if (u < 0.3 && canHaveChild) {
            h.tailleMenage = h.tailleMenage + 1;
            h.nbEnfants = h.nbEnfants + 1;
            if (h.typologie != null && h.typologie != Typologie.T6 && Draw.chance(rng, 0.5)) {
                h.typologie = Typologie.values()[h.typologie.ordinal() + 1];
            }
        } else if (u < 0.7 && h.revenuMensuel != null) {
            double change = Draw.logNormal(rng, 1.0, 0.2);
            h.revenuMensuel = (int) Math.round(h.revenuMensuel * change);
            if (h.revenuFiscalReference != null) {
                h.revenuFiscalReference = (int) Math.round(h.revenuFiscalReference * change);
            }
        } else if (h.anneeNaissance != null) {
            h.situationProfessionnelle = HouseholdSampler.profession(rng, year - h.anneeNaissance);
        }
    }

    /** One wished commune dropped (never the first choice), or one added near the first choice. */
    private List<String> changedWishes(SplittableRandom rng, Commune first, List<String> wishes) {
        List<String> changed = new ArrayList<>(wishes);
        if (wishes.size() > 1 && (wishes.size() == MAX_WISHES || Draw.chance(rng, 0.4))) {
            changed.remove(1 + rng.nextInt(wishes.size() - 1));
        } else {
            String extra = communes.extraWish(rng, first, wishes);
            if (extra != null) {
                changed.add(extra);
            }
        }
        return List.copyOf(changed);
    }
}
