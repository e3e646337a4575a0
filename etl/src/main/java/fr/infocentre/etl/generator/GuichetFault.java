package fr.infocentre.etl.generator;

/** Bad practices of a faulty guichet, which the restricted rapports (series 06) must reveal. */
enum GuichetFault {
    /** Registers demandes more than a month after their filing. */
    LATE_REGISTRATION,
    /** Enters attributions more than 30 days after the lease (bailleurs only). */
    LATE_ATTRIBUTION_ENTRY,
    /** Forces the registration of demandes flagged as possible duplicates. */
    FORCED_DUPLICATES,
    /** Leaves optional fields of demandes (and attributions) empty. */
    INCOMPLETE_DEMANDES,
    /** Registers a second demande for an applicant who already has one elsewhere in the département. */
    REAL_DUPLICATES
}
