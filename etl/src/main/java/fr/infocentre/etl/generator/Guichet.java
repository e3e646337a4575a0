package fr.infocentre.etl.generator;

import java.util.Set;

/**
 * A service enregistreur: a row of guichets.csv plus what drives its behaviour in the
 * simulation (registration weight, faults, and the landlord it enters attributions for).
 *
 * @param fermeture closing epoch day, {@link Integer#MAX_VALUE} while open
 * @param codeBailleur landlord organisation of a BAILLEUR guichet, empty for the others
 */
record Guichet(String code, String libelle, Codes.TypeGuichet type, String codeCommune, String departement,
               int ouverture, int fermeture, Set<GuichetFault> faults, String codeBailleur, double weight) {

    boolean isOpen(int day) {
        return day >= ouverture && day < fermeture;
    }

    boolean has(GuichetFault fault) {
        return faults.contains(fault);
    }
}
