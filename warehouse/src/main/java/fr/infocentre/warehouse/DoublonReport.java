package fr.infocentre.warehouse;

import java.time.LocalDate;
import java.util.List;

/**
 * The doublons potentiels actifs of a département at the data's date ({@link DoublonsEtBilans#doublons}): exact and
 * nominative, for authorised gestionnaires only.
 *
 * @param departement    the département asked
 * @param dataDate       the extraction date of the warehouse version read: the day the demandes are active
 * @param guichet        the guichet the groups were filtered on (groups holding one of its demandes), or null
 * @param fields         the fields compared within each group, in display order
 * @param groups         the groups listed, at most the limit's worth of demandes (whole groups): those spanning
 *                       several guichets first, then the largest, then by id_demandeur
 * @param groupsTotal    how many groups there are (the guichet filter applied)
 * @param demandesTotal  how many demandes they hold
 * @param truncated      whether groups were left out for the limit
 * @param guichets       the count per guichet, over every group of the département (not filtered): the guichets of
 *                       the département first (every one holding a doublon, by code), then those of other
 *                       départements holding a demande of its groups
 * @param notes          French notes: the definition, the date, the source
 */
public record DoublonReport(Territoire departement, LocalDate dataDate, Guichet guichet, List<DoublonField> fields,
                            List<DoublonGroup> groups, int groupsTotal, int demandesTotal, boolean truncated,
                            List<DoublonGuichet> guichets, List<String> notes) {

    /** The demandes listed. */
    public int demandesListed() {
        return groups.stream().mapToInt(g -> g.demandes().size()).sum();
    }
}
