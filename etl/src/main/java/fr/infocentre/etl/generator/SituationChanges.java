package fr.infocentre.etl.generator;

import fr.infocentre.etl.generator.Codes.Typologie;
import java.util.SplittableRandom;

/**
 * How a demande's situation changes over its life: a MODIFICATION records one household change —
 * a birth (household and children + 1, sometimes one more room sought), an income change (monthly
 * income and RFR) or a new professional situation.
 */
final class SituationChanges {

    /** The situation after a MODIFICATION on {@code day}. */
    Situation modification(SplittableRandom rng, Situation current, int day) {
        Household h = HouseholdSampler.copyOf(current.household());
        householdChange(rng, h, Dates.year(day));
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
}
