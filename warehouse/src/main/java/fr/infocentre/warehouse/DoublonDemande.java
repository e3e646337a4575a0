package fr.infocentre.warehouse;

import java.util.Map;

/**
 * One active demande of a group of doublons potentiels, as known at the data's date.
 *
 * @param numeroUnique the numéro unique
 * @param guichet      the guichet it is rattachée to (demandes.code_guichet), with its libelle and département
 *                     (null libelle and département for a guichet outside the data's perimeter)
 * @param values       field key ({@link DoublonReport#fields()}) → value: text, number, boolean or date (null: empty)
 */
public record DoublonDemande(String numeroUnique, Guichet guichet, Map<String, Object> values) {

    public Object value(String field) {
        return values.get(field);
    }
}
