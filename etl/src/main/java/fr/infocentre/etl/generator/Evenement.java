package fr.infocentre.etl.generator;

/**
 * One row of evenements.csv.
 *
 * @param codeGuichet acting guichet, empty for PGP and SYSTEME acts
 * @param motif radiation motif, null unless {@code type} is RADIATION
 */
record Evenement(int date, Codes.TypeEvenement type, String codeGuichet, Codes.Canal canal, Codes.MotifRadiation motif) {
}
