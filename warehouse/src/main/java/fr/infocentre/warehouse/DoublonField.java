package fr.infocentre.warehouse;

/**
 * A field of a demande compared within a group of doublons potentiels ({@link DoublonGroup}).
 *
 * @param key   the column of demandes.csv (or {@code code_guichet}), as in {@link DoublonDemande#values()}
 * @param label its French label
 */
public record DoublonField(String key, String label) {
}
