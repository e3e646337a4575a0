package fr.infocentre.etl.generator;

/** One row of attributions.csv; null fields are written empty (incomplete attribution). */
record Attribution(int dateBail, int dateSaisie, String codeGuichet, String codeBailleur, String communeLogement,
                   Boolean qpv, Codes.Typologie typologie, Integer surface, Integer loyer,
                   Codes.Financement financement, Codes.Reservataire reservataire, Boolean dalo,
                   String identifiantRpls) {
}
