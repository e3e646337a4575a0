package fr.infocentre.etl.generator;

/**
 * The applicant household of a demande, as it stands in demandes.csv. A null field means
 * "non renseigné" (written empty). Mutable: modification events update it over the demande's life.
 */
final class Household {

    /** Family composition used to draw correlated attributes (not written as such). */
    enum Composition { PERSONNE_SEULE, COUPLE_SANS_ENFANT, COUPLE_AVEC_ENFANTS, FAMILLE_MONOPARENTALE, AUTRE }

    Composition composition;
    Integer anneeNaissance;
    Codes.Sexe sexe;
    Codes.Nationalite nationalite;
    Codes.SituationFamiliale situationFamiliale;
    Boolean coDemandeur;
    Integer tailleMenage;
    Integer nbEnfants;
    Codes.SituationProfessionnelle situationProfessionnelle;
    Integer revenuMensuel;
    Integer revenuFiscalReference;
    Codes.LogementActuel logementActuel;
    Codes.Motif motif;
    Codes.Typologie typologie;
    Boolean handicap;
    Boolean dalo;
    Boolean prioritaire;

    /** A mutation: the applicant already rents social housing. */
    boolean mutation() {
        return logementActuel == Codes.LogementActuel.LOCATAIRE_HLM;
    }
}
