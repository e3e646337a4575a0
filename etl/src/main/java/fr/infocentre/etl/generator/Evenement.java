package fr.infocentre.etl.generator;

/**
 * One row of evenements.csv, with what the event adds to the demande's documents.
 *
 * @param codeGuichet acting guichet, empty for PGP and SYSTEME acts
 * @param motif radiation motif, null unless {@code type} is RADIATION
 * @param pieces supporting documents filed with a PIECE event (counted in nb_pieces), 0 for the other types
 */
record Evenement(int date, Codes.TypeEvenement type, String codeGuichet, Codes.Canal canal, Codes.MotifRadiation motif,
                 int pieces) {
}
