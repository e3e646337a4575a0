package fr.infocentre.warehouse;

import java.time.LocalDate;
import java.util.List;

/**
 * The doublons potentiels actifs of a département's guichets on a semester's last day, protected by the secret
 * statistique for the semestrial bilan ({@link DoublonsEtBilans#doublonsDiffusables}): indicator 16 of rapport 06
 * per guichet and for the département, a count from 1 to 10 masked (null, {@link Row#masked()}) with the
 * complementary cells that keep it from being recomputed.
 *
 * @param departement the département
 * @param date        the day the demandes are active (the semester's last day)
 * @param guichets    every guichet of the département, open or closed, by code
 * @param total       the département's line (the sum of its guichets)
 * @param notes       French notes: definition, protection, source
 */
public record DoublonsDiffusables(Territoire departement, LocalDate date, List<Row> guichets, Row total,
                                  List<String> notes) {

    /**
     * One line.
     *
     * @param code    code_guichet, or the département's code for its line
     * @param libelle the guichet's libelle, or the département's name
     * @param n       the count, null when masked
     * @param masked  whether the secret statistique masks it
     */
    public record Row(String code, String libelle, Long n, boolean masked) {
    }
}
