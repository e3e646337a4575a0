package fr.infocentre.warehouse;

import java.time.LocalDate;

/**
 * A guichet enregistreur (service enregistreur), as guichets.csv describes it, placed in the
 * département and région of its commune: what the api needs to check a gestionnaire's access.
 *
 * @param code        code_guichet
 * @param libelle     its name
 * @param type        BAILLEUR, COMMUNE, EPCI, DEPARTEMENT, ETAT, ACTION_LOGEMENT, AUTRE
 * @param codeCommune where it sits (INSEE)
 * @param departement the département of that commune
 * @param region      the région of that commune
 * @param ouverture   opening date (null: unknown)
 * @param fermeture   closing date, null while open
 */
public record Guichet(String code, String libelle, String type, String codeCommune, String departement, String region,
                      LocalDate ouverture, LocalDate fermeture) {

    /** Whether it is open on some day of [start, end]: opened on or before end, not closed on or before start. */
    public boolean openDuring(LocalDate start, LocalDate end) {
        return (ouverture == null || !ouverture.isAfter(end)) && (fermeture == null || fermeture.isAfter(start));
    }
}
