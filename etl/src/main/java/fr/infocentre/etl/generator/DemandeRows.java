package fr.infocentre.etl.generator;

/**
 * The CSV rows of one demande (demandes.csv, evenements.csv, attributions.csv), formatted once
 * for all the extracts that show it: an event's or the attribution's row never changes, and the
 * demande's row changes only with the events shown or the situation.
 */
final class DemandeRows {

    static final String[] DEMANDES = {"numero_unique", "id_demandeur", "code_guichet", "canal",
        "personne_morale", "date_depot", "date_enregistrement", "date_renouvellement", "date_radiation",
        "motif_radiation", "annee_naissance", "sexe", "nationalite", "situation_familiale", "co_demandeur",
        "taille_menage", "nb_enfants", "situation_professionnelle", "revenu_mensuel",
        "revenu_fiscal_reference", "logement_actuel", "motif", "typologie", "communes_souhaitees",
        "commune_residence", "handicap", "dalo", "prioritaire", "nb_pieces", "doublon_force",
        "date_modification"};
    static final String[] EVENEMENTS = {"numero_unique", "date_evenement", "type", "code_guichet", "canal",
        "motif_radiation"};
    static final String[] ATTRIBUTIONS = {"numero_unique", "date_bail", "date_saisie", "code_guichet",
        "code_bailleur", "commune_logement", "qpv", "typologie", "surface", "loyer", "financement",
        "reservataire", "dalo", "identifiant_rpls"};

    private final CsvRow row;
    private final Demande d;
    private final Life life;
    private final String[] events;
    private String attribution;
    private Life.Snapshot lastShown;
    private String lastDemande;

    /** The rows of {@code d} living {@code life}, formatted with {@code row} when first asked. */
    DemandeRows(CsvRow row, Demande d, Life life) {
        this.row = row;
        this.d = d;
        this.life = life;
        this.events = new String[life.evenements().size()];
    }

    /** The demande's row as {@code shown} (a snapshot of its life) shows it. */
    String demande(Life.Snapshot shown) {
        if (lastShown != null && lastShown.evenements().size() == shown.evenements().size()
                && lastShown.situation() == shown.situation()) {
            return lastDemande;
        }
        Situation s = shown.situation();
        Household h = s.household();
        lastDemande = row.field(d.numeroUnique()).field(d.idDemandeur()).field(d.guichet().code()).field(d.canal())
                .field(d.personneMorale()).date(d.dateDepot()).date(d.dateEnregistrement())
                .date(shown.dateRenouvellement()).date(shown.dateRadiation()).field(shown.motifRadiation())
                .field(h.anneeNaissance).field(h.sexe).field(h.nationalite).field(h.situationFamiliale)
                .field(h.coDemandeur).field(h.tailleMenage).field(h.nbEnfants).field(h.situationProfessionnelle)
                .field(h.revenuMensuel).field(h.revenuFiscalReference).field(h.logementActuel).field(h.motif)
                .field(h.typologie).field(String.join("|", s.communesSouhaitees())).field(s.communeResidence())
                .field(h.handicap).field(h.dalo).field(h.prioritaire).field(shown.nbPieces())
                .field(d.doublonForce()).date(shown.dateModification()).end();
        lastShown = shown;
        return lastDemande;
    }

    /** The row of the life's event number {@code i}. */
    String event(int i) {
        if (events[i] == null) {
            Evenement e = life.evenements().get(i);
            events[i] = row.field(d.numeroUnique()).date(e.date()).field(e.type()).field(e.codeGuichet())
                    .field(e.canal()).field(e.motif()).end();
        }
        return events[i];
    }

    /** The row of the life's attribution. */
    String attribution() {
        if (attribution == null) {
            Attribution a = life.attribution();
            attribution = row.field(d.numeroUnique()).date(a.dateBail()).date(a.dateSaisie()).field(a.codeGuichet())
                    .field(a.codeBailleur()).field(a.communeLogement()).field(a.qpv()).field(a.typologie())
                    .field(a.surface()).field(a.loyer()).field(a.financement()).field(a.reservataire())
                    .field(a.dalo()).field(a.identifiantRpls()).end();
        }
        return attribution;
    }
}
