package fr.infocentre.etl.generator;

import fr.infocentre.etl.reference.Plafonds;
import java.util.List;

/**
 * A demande as filed and registered: identity, channel, dates, and its situation at registration
 * (household, wishes, residence). Its life (events, radiation, attribution, later situations) is
 * simulated separately into a {@link Life}; the household object is never changed afterwards.
 *
 * @param zone plafond zone of the first-choice commune
 * @param plafondPosition where the household's RFR stands against the plafonds ({@link HouseholdSampler#plafondPosition})
 * @param attributionFactor attribution hazard of this demande relative to the national rate
 * @param renewalBonus extra renewal probability of the demande's area
 * @param duplicate a second demande of an applicant who already has one in the département
 */
public record Demande(String numeroUnique, String idDemandeur, Guichet guichet, Codes.Canal canal, boolean personneMorale,
               int dateDepot, int dateEnregistrement, Household household, Commune firstChoice,
               List<String> communesSouhaitees, String communeResidence, boolean doublonForce,
               Plafonds.Zone zone, int plafondPosition, double attributionFactor, double renewalBonus,
               boolean duplicate) {
}
