package fr.infocentre.warehouse;

/**
 * A guichet's count of doublons potentiels ({@link DoublonReport#guichets()}): its demandes in the groups of the
 * département asked and, for a guichet of that département, its demandes in groups of another département (a
 * demande whose first choice lies elsewhere). For a guichet of the département, the two add up to indicator 16 of
 * rapport 06 (doublons potentiels actifs) at the same date.
 *
 * @param guichet              the guichet
 * @param inDepartement        its demandes in the groups of the département asked
 * @param inOtherDepartements  its demandes in groups of other départements; null for a guichet outside the
 *                             département asked (not counted there)
 */
public record DoublonGuichet(Guichet guichet, long inDepartement, Long inOtherDepartements) {

    /** Whether the guichet belongs to the département asked. */
    public boolean ofDepartement() {
        return inOtherDepartements != null;
    }

    /** Indicator 16 of rapport 06 for a guichet of the département asked; null for another guichet. */
    public Long indicator16() {
        return inOtherDepartements == null ? null : inDepartement + inOtherDepartements;
    }
}
