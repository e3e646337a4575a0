package fr.infocentre.etl.contract;

import java.util.List;

/** The closed code lists of the extract format v1, exactly as extract-format.md lists them. */
public final class CodeLists {

    public static final List<String> TYPE_GUICHET = List.of(
            "BAILLEUR", "COMMUNE", "EPCI", "DEPARTEMENT", "ETAT", "ACTION_LOGEMENT", "AUTRE");
    public static final List<String> CANAL_DEMANDE = List.of("GUICHET", "PGP");
    public static final List<String> CANAL_EVENEMENT = List.of("GUICHET", "PGP", "SYSTEME");
    public static final List<String> MOTIF_RADIATION = List.of(
            "ATTRIBUTION", "RENONCIATION", "ABSENCE_REPONSE", "IRRECEVABILITE", "NON_RENOUVELLEMENT", "FUSION");
    public static final List<String> SEXE = List.of("F", "M");
    public static final List<String> NATIONALITE = List.of("FR", "UE", "HORS_UE");
    public static final List<String> SITUATION_FAMILIALE = List.of(
            "CELIBATAIRE", "MARIE", "PACSE", "CONCUBIN", "DIVORCE", "SEPARE", "VEUF");
    public static final List<String> SITUATION_PROFESSIONNELLE = List.of(
            "CDI", "FONCTIONNAIRE", "CDD", "INTERIM", "APPRENTI", "INDEPENDANT", "CHOMAGE", "RETRAITE",
            "ETUDIANT", "SANS_EMPLOI", "AUTRE");
    public static final List<String> LOGEMENT_ACTUEL = List.of(
            "LOCATAIRE_HLM", "LOCATAIRE_PRIVE", "PROPRIETAIRE", "CHEZ_PARENTS", "CHEZ_PARTICULIER",
            "STRUCTURE_HEBERGEMENT", "CDEF_CENTRE_MATERNEL", "HOTEL", "FOYER_RESIDENCE_SOCIALE",
            "RESIDENCE_ETUDIANT", "LOGEMENT_FONCTION", "HABITAT_MOBILE", "OCCUPANT_SANS_TITRE", "SANS_ABRI", "AUTRE");
    public static final List<String> MOTIF = List.of(
            "SANS_LOGEMENT", "HEBERGE", "LOGEMENT_TROP_CHER", "TROP_PETIT", "TROP_GRAND", "DIVORCE_SEPARATION",
            "DECOHABITATION", "HANDICAP", "SANTE", "RAPPROCHEMENT_TRAVAIL", "RAPPROCHEMENT_FAMILLE", "VIOLENCES",
            "NON_DECENT", "INSALUBRE", "EXPULSION", "RENOUVELLEMENT_URBAIN", "VENTE_OU_REPRISE", "ENVIRONNEMENT",
            "MUTATION_PROFESSIONNELLE", "AUTRE");
    public static final List<String> TYPOLOGIE = List.of("T1", "T2", "T3", "T4", "T5", "T6");
    public static final List<String> TYPE_EVENEMENT = List.of(
            "CREATION", "RENOUVELLEMENT", "MODIFICATION", "RADIATION", "REACTIVATION", "PIECE");
    public static final List<String> FINANCEMENT = List.of("PLAI", "PLUS", "PLS", "PLI", "AUTRE");
    public static final List<String> RESERVATAIRE = List.of(
            "ETAT", "ETAT_FONCTIONNAIRES", "ACTION_LOGEMENT", "COLLECTIVITE", "BAILLEUR", "AUTRE");

    private CodeLists() {
    }
}
