-- TAB06-01 Suivi de l'activité des guichets: the units behind every count column of TAB06-01.yaml
-- (definitions: docs/rapports.md, "Series 06"). One row per unit — a demande, an event or an
-- attribution — for each period asked (periodes_demandees(): cle, debut, fin, both days counted;
-- fin is the extraction date for a period in progress) and each guichet of the départements asked
-- (guichets_demandes()):
--   periode        the period's cle
--   code_guichet   the guichet the unit is counted for
--   colonne        the count column (TAB06-01.yaml)
--   numero_unique  the demande
--   valeur         the days a mean column averages (délai d'enregistrement, délai de saisie), else NULL
--   and the detail fields declared in TAB06-01.yaml (NULL where they do not apply).
-- The engine counts these rows (the table), averages their valeur (the means) and lists them (the
-- demandes behind an indicator): a count and its list are the same rows. A demande's attributes
-- are those of its version valid at the end of the period (demandes_versions).
WITH
p AS (SELECT cle, debut, fin FROM periodes_demandees()),
-- the demandes rattachées to the guichets asked (demandes.code_guichet: the guichet that
-- registered them, or validated them for the PGP), as known at the end of each period
rattachees AS (
    SELECT p.cle AS periode, p.debut, p.fin,
           d.* EXCLUDE (valide_du, valide_au, premiere_version)
    FROM p JOIN demandes_versions d
      ON version_valid_on(d.premiere_version, d.valide_du, d.valide_au, p.fin)
    WHERE d.code_guichet IN (SELECT code_guichet FROM guichets_demandes())
),
-- indicators 1-4, 15, 17: the demandes registered during the period
creees AS (
    SELECT periode, code_guichet, numero_unique, canal, date_depot, date_enregistrement,
           date_enregistrement - date_depot AS delai_jours,
           date_enregistrement > CAST(date_depot + INTERVAL 1 MONTH AS DATE) AS plus_1_mois,
           doublon_force,
           -- every optional field of demandes.csv left empty, but the dates and motif of renewal and
           -- radiation; the applicant's birth year, sex, family situation and co-demandeur do not
           -- apply to a personne morale
           concat_ws(', ',
               CASE WHEN id_demandeur IS NULL THEN 'id_demandeur' END,
               CASE WHEN annee_naissance IS NULL AND NOT personne_morale THEN 'annee_naissance' END,
               CASE WHEN sexe IS NULL AND NOT personne_morale THEN 'sexe' END,
               CASE WHEN nationalite IS NULL THEN 'nationalite' END,
               CASE WHEN situation_familiale IS NULL AND NOT personne_morale THEN 'situation_familiale' END,
               CASE WHEN co_demandeur IS NULL AND NOT personne_morale THEN 'co_demandeur' END,
               CASE WHEN taille_menage IS NULL THEN 'taille_menage' END,
               CASE WHEN nb_enfants IS NULL THEN 'nb_enfants' END,
               CASE WHEN situation_professionnelle IS NULL THEN 'situation_professionnelle' END,
               CASE WHEN revenu_mensuel IS NULL THEN 'revenu_mensuel' END,
               CASE WHEN revenu_fiscal_reference IS NULL THEN 'revenu_fiscal_reference' END,
               CASE WHEN logement_actuel IS NULL THEN 'logement_actuel' END,
               CASE WHEN motif IS NULL THEN 'motif' END,
               CASE WHEN typologie IS NULL THEN 'typologie' END,
               CASE WHEN commune_residence IS NULL THEN 'commune_residence' END,
               CASE WHEN handicap IS NULL THEN 'handicap' END,
               CASE WHEN dalo IS NULL THEN 'dalo' END,
               CASE WHEN prioritaire IS NULL THEN 'prioritaire' END,
               CASE WHEN nb_pieces IS NULL THEN 'nb_pieces' END,
               CASE WHEN doublon_force IS NULL THEN 'doublon_force' END,
               CASE WHEN date_modification IS NULL THEN 'date_modification' END) AS champs_vides
    FROM rattachees
    WHERE date_enregistrement BETWEEN debut AND fin
),
-- indicators 16, 18, 20: the demandes rattachées active at the end of the period
stock AS (
    SELECT r.periode, r.fin, r.code_guichet, r.numero_unique, r.canal, r.date_enregistrement, r.nb_pieces,
           r.id_demandeur, c.code_departement
    FROM rattachees r
    LEFT JOIN communes c ON c.code_commune = r.commune_premier_choix
    WHERE EXISTS (SELECT 1 FROM periodes a WHERE a.numero_unique = r.numero_unique AND active_on(a.debut, a.fin, r.fin))
),
-- every demande active at the end of the period with the same id_demandeur as a demande of the
-- stock, whatever its guichet, with the département of its first-choice commune
actives_du_demandeur AS (
    SELECT p.cle AS periode, d.numero_unique, d.id_demandeur, c.code_departement
    FROM p
    JOIN periodes a ON active_on(a.debut, a.fin, p.fin)
    JOIN demandes_versions d
      ON d.numero_unique = a.numero_unique AND version_valid_on(d.premiere_version, d.valide_du, d.valide_au, p.fin)
    JOIN communes c ON c.code_commune = d.commune_premier_choix
    WHERE d.id_demandeur IN (SELECT id_demandeur FROM stock)
),
-- indicator 16: a demande of the stock whose applicant has another active demande in the same département
doublons AS (
    SELECT s.periode, s.code_guichet, s.numero_unique, s.id_demandeur,
           string_agg(o.numero_unique, ', ' ORDER BY o.numero_unique) AS autres_demandes
    FROM stock s
    JOIN actives_du_demandeur o
      ON o.periode = s.periode AND o.id_demandeur = s.id_demandeur AND o.code_departement = s.code_departement
     AND o.numero_unique <> s.numero_unique
    GROUP BY ALL
),
-- indicators 5, 6, 10-12, 14: the acts a guichet entered itself (evenements.code_guichet), on any demande
actes AS (
    SELECT p.cle AS periode, e.code_guichet, e.numero_unique, e.type, e.motif_radiation, e.date_evenement,
           d.code_guichet AS guichet_demande
    FROM p
    JOIN evenements e ON e.date_evenement BETWEEN p.debut AND p.fin
    LEFT JOIN demandes_versions d
      ON d.numero_unique = e.numero_unique AND version_valid_on(d.premiere_version, d.valide_du, d.valide_au, p.fin)
    WHERE e.code_guichet IN (SELECT code_guichet FROM guichets_demandes())
),
-- indicator 13: the radiations for non-renewal (by the system) of the demandes rattachées
non_renouvellements AS (
    SELECT r.periode, r.code_guichet, r.numero_unique, e.date_evenement, r.date_enregistrement, r.date_renouvellement
    FROM rattachees r
    JOIN evenements e ON e.numero_unique = r.numero_unique
    WHERE e.type = 'RADIATION' AND e.motif_radiation = 'NON_RENOUVELLEMENT' AND e.date_evenement BETWEEN r.debut AND r.fin
),
-- indicators 7-9, 19, 21: the attributions a guichet entered during the period (date_saisie)
saisies AS (
    SELECT p.cle AS periode, a.code_guichet, a.numero_unique, a.date_bail, a.date_saisie,
           a.date_saisie - a.date_bail AS delai_jours,
           concat_ws(', ',
               CASE WHEN a.identifiant_rpls IS NULL THEN 'identifiant_rpls' END,
               CASE WHEN a.typologie IS NULL THEN 'typologie' END,
               CASE WHEN a.surface IS NULL THEN 'surface' END,
               CASE WHEN a.loyer IS NULL THEN 'loyer' END,
               CASE WHEN a.financement IS NULL THEN 'financement' END,
               CASE WHEN a.reservataire IS NULL THEN 'reservataire' END) AS champs_vides
    FROM p JOIN attributions a ON a.date_saisie BETWEEN p.debut AND p.fin
    WHERE a.code_guichet IN (SELECT code_guichet FROM guichets_demandes())
),
-- indicator 21: the lease of a demande no longer active the day before it, whose last radiation
-- before the lease had another motif than ATTRIBUTION
sur_radiee AS (
    SELECT s.periode, s.code_guichet, s.numero_unique, s.date_bail,
           max(a.fin) AS date_radiation_anterieure, arg_max(a.motif_fin, a.fin) AS motif_radiation_anterieure
    FROM saisies s
    JOIN periodes a ON a.numero_unique = s.numero_unique AND a.fin < s.date_bail
    WHERE NOT EXISTS (SELECT 1 FROM periodes b
                      WHERE b.numero_unique = s.numero_unique AND active_on(b.debut, b.fin, s.date_bail - 1))
    GROUP BY ALL
)
SELECT periode, code_guichet, 'creees' AS colonne, numero_unique, delai_jours AS valeur,
       canal, date_depot, date_enregistrement, delai_jours
FROM creees
UNION ALL BY NAME
SELECT periode, code_guichet, 'creees_pgp' AS colonne, numero_unique, date_depot, date_enregistrement, delai_jours
FROM creees WHERE canal = 'PGP'
UNION ALL BY NAME
SELECT periode, code_guichet, 'enregistrees_plus_1_mois' AS colonne, numero_unique,
       canal, date_depot, date_enregistrement, delai_jours
FROM creees WHERE plus_1_mois
UNION ALL BY NAME
SELECT periode, code_guichet, 'doublons_forces' AS colonne, numero_unique, canal, date_depot, date_enregistrement
FROM creees WHERE doublon_force
UNION ALL BY NAME
SELECT periode, code_guichet, 'incompletes' AS colonne, numero_unique, canal, champs_vides
FROM creees WHERE champs_vides <> ''
UNION ALL BY NAME
SELECT periode, code_guichet,
       CASE WHEN type = 'RENOUVELLEMENT' THEN 'renouvellements'
            WHEN type = 'MODIFICATION' THEN 'modifications'
            WHEN type = 'REACTIVATION' THEN 'reactivations'
            WHEN motif_radiation = 'RENONCIATION' THEN 'radiations_renonciation'
            WHEN motif_radiation = 'IRRECEVABILITE' THEN 'radiations_irrecevabilite'
            ELSE 'radiations_absence_reponse' END AS colonne,
       numero_unique, date_evenement, guichet_demande
FROM actes
WHERE type IN ('RENOUVELLEMENT', 'MODIFICATION', 'REACTIVATION')
   OR type = 'RADIATION' AND motif_radiation IN ('RENONCIATION', 'IRRECEVABILITE', 'ABSENCE_REPONSE')
UNION ALL BY NAME
SELECT periode, code_guichet, 'radiations_non_renouvellement' AS colonne, numero_unique,
       date_evenement, date_enregistrement, date_renouvellement
FROM non_renouvellements
UNION ALL BY NAME
SELECT periode, code_guichet, 'attributions_saisies' AS colonne, numero_unique, delai_jours AS valeur,
       date_bail, date_saisie, delai_jours
FROM saisies
UNION ALL BY NAME
SELECT periode, code_guichet, 'saisies_plus_30_jours' AS colonne, numero_unique, date_bail, date_saisie, delai_jours
FROM saisies WHERE delai_jours > 30
UNION ALL BY NAME
SELECT periode, code_guichet, 'attributions_incompletes' AS colonne, numero_unique, date_bail, champs_vides
FROM saisies WHERE champs_vides <> ''
UNION ALL BY NAME
SELECT periode, code_guichet, 'attributions_sur_radiee' AS colonne, numero_unique,
       date_bail, date_radiation_anterieure, motif_radiation_anterieure
FROM sur_radiee WHERE motif_radiation_anterieure <> 'ATTRIBUTION'
UNION ALL BY NAME
SELECT periode, code_guichet, 'stock' AS colonne, numero_unique, canal, date_enregistrement
FROM stock
UNION ALL BY NAME
SELECT periode, code_guichet, 'sans_pieces' AS colonne, numero_unique, date_enregistrement, nb_pieces
FROM stock WHERE coalesce(nb_pieces, 0) = 0
UNION ALL BY NAME
SELECT periode, code_guichet, 'doublons_potentiels' AS colonne, numero_unique, id_demandeur, autres_demandes
FROM doublons
