package fr.infocentre.warehouse;

import java.util.List;

/**
 * A group of doublons potentiels: the demandes active on the same day whose applicant has the same
 * {@code id_demandeur} and whose first-choice commune lies in the same département (two or more).
 *
 * @param idDemandeur the pseudonymous key they share
 * @param departement the département of their first-choice communes
 * @param demandes    the demandes, by numéro unique
 * @param differing   the keys of the fields ({@link DoublonReport#fields()}) whose values are not all equal
 * @param guichets    the codes of the guichets they are rattachées to, sorted
 */
public record DoublonGroup(String idDemandeur, String departement, List<DoublonDemande> demandes, List<String> differing,
                           List<String> guichets) {

    public boolean differs(String field) {
        return differing.contains(field);
    }

    /** Whether the group spans several guichets. */
    public boolean severalGuichets() {
        return guichets.size() > 1;
    }
}
