-- Macros shared by the rapports' SQL files, created once when the warehouse is opened.
-- The year of a rapport is the session variable 'annee' (SET VARIABLE annee = 2024).

-- A demande's period is active on day d: it has started and not yet been closed by a RADIATION
-- (fin is the radiation day, on which the demande is no longer active).
CREATE MACRO actif_le(debut, fin, d) AS debut <= d AND (fin IS NULL OR fin > d);

-- First and last day of the rapport's year.
CREATE MACRO debut_annee() AS make_date(CAST(getvariable('annee') AS INTEGER), 1, 1);
CREATE MACRO fin_annee() AS make_date(CAST(getvariable('annee') AS INTEGER), 12, 31);

-- Whether a date falls in the rapport's year.
CREATE MACRO dans_annee(d) AS d BETWEEN debut_annee() AND fin_annee();

-- Key of dimensions/tranche-age.yaml: age in the rapport's year (year - annee_naissance).
CREATE MACRO tranche_age(annee_naissance) AS
    CASE
        WHEN annee_naissance IS NULL THEN 'NON_RENSEIGNE'
        WHEN getvariable('annee') - annee_naissance < 25 THEN 'MOINS_25'
        WHEN getvariable('annee') - annee_naissance < 30 THEN '25_29'
        WHEN getvariable('annee') - annee_naissance < 40 THEN '30_39'
        WHEN getvariable('annee') - annee_naissance < 50 THEN '40_49'
        WHEN getvariable('annee') - annee_naissance < 65 THEN '50_64'
        WHEN getvariable('annee') - annee_naissance < 75 THEN '65_74'
        ELSE '75_PLUS'
    END;

-- Mutation column: the applicant already rents a social dwelling (logement_actuel = LOCATAIRE_HLM).
CREATE MACRO colonne_mutation(logement_actuel) AS
    CASE WHEN logement_actuel = 'LOCATAIRE_HLM' THEN 'mutation' ELSE 'hors_mutation' END;

-- ==== Attributes as they stood at a date (table demandes_versions) ==== begin
-- docs/warehouse-format.md, section "demandes_versions". The rapports never read `demandes` (the
-- latest state): a rapport at day d uses each demande's version valid on d. The versions of one
-- demande are contiguous ([valide_du, valide_au), each starting where the previous one ends, the
-- last one open: valide_au NULL), so exactly one is valid on any day d: valide_du <= d < valide_au,
-- or, when d precedes them all (a day before the demande's first load), the earliest one
-- (premiere_version), the best knowledge available.

-- Whether a row of demandes_versions is the version valid on day d. To join each row of a table
-- on the version valid at one of its own dates:
--   JOIN versions_hors_associations() dm
--     ON dm.numero_unique = x.numero_unique
--    AND version_valide_le(dm.premiere_version, dm.valide_du, dm.valide_au, x.<date>)
-- (an explicit join, not a macro returning both tables, so that only the columns used are read).
CREATE MACRO version_valide_le(premiere_version, valide_du, valide_au, d) AS
    (valide_du <= d OR premiere_version) AND (valide_au IS NULL OR d < valide_au);

-- Every demande with its attributes as they stood on day d: the columns of `demandes` (the
-- version's valide_du as date_extraction: the extract it comes from), one row per demande; a
-- rapport swaps `demandes` for demandes_au(fin_annee()).
CREATE MACRO demandes_au(d) AS TABLE
    SELECT * EXCLUDE (valide_du, valide_au, premiere_version), valide_du AS date_extraction
    FROM demandes_versions
    WHERE version_valide_le(premiere_version, valide_du, valide_au, d);

-- The versions "hors associations" (personne_morale = false in the version), to join on the
-- version valid at a date of each row as above.
CREATE MACRO versions_hors_associations() AS TABLE
    SELECT * FROM demandes_versions WHERE NOT personne_morale;
-- ==== Attributes as they stood at a date (table demandes_versions) ==== end

-- Demandes active on day d, with their attributes as they stood that day (periods of one demande
-- never overlap: at most one row per demande).
CREATE MACRO demandes_actives_le(d) AS TABLE
    SELECT dm.* FROM demandes_au(d) dm
    WHERE EXISTS (SELECT 1 FROM periodes p
                  WHERE p.numero_unique = dm.numero_unique AND actif_le(p.debut, p.fin, d));

-- ==== Household / demande categories (series 03, reused by series 04) ==== begin
-- Each macro maps the extract's field(s) to the keys of dimensions/<name>.yaml (see the
-- comments there for the grouping); an empty value gives NON_RENSEIGNE.

-- dimensions/taille-menage.yaml
CREATE MACRO categorie_taille_menage(taille_menage) AS
    CASE
        WHEN taille_menage IS NULL THEN 'NON_RENSEIGNE'
        WHEN taille_menage >= 6 THEN '6_PLUS'
        ELSE CAST(taille_menage AS VARCHAR)
    END;

-- Whether the household is a couple: co_demandeur, or situation MARIE / PACSE / CONCUBIN, with at
-- least 2 persons. Three-valued: NULL when the empty fields leave it undecided.
CREATE MACRO menage_en_couple(taille_menage, co_demandeur, situation_familiale) AS
    taille_menage >= 2 AND (co_demandeur OR situation_familiale IN ('MARIE', 'PACSE', 'CONCUBIN'));

-- dimensions/composition-familiale.yaml
CREATE MACRO categorie_composition_familiale(taille_menage, nb_enfants, co_demandeur, situation_familiale) AS
    CASE
        WHEN taille_menage IS NULL THEN 'NON_RENSEIGNE'
        WHEN taille_menage = 1 THEN 'PERSONNE_SEULE'
        WHEN menage_en_couple(taille_menage, co_demandeur, situation_familiale) IS NULL
             OR nb_enfants IS NULL THEN 'NON_RENSEIGNE'
        WHEN menage_en_couple(taille_menage, co_demandeur, situation_familiale) AND nb_enfants > 0
            THEN 'COUPLE_AVEC_ENFANTS'
        WHEN menage_en_couple(taille_menage, co_demandeur, situation_familiale) THEN 'COUPLE_SANS_ENFANT'
        WHEN nb_enfants > 0 THEN 'FAMILLE_MONOPARENTALE'
        ELSE 'AUTRE'
    END;

-- dimensions/situation-professionnelle.yaml
CREATE MACRO categorie_situation_professionnelle(situation_professionnelle) AS
    CASE
        WHEN situation_professionnelle IN ('CDI', 'FONCTIONNAIRE') THEN 'CDI_FONCTIONNAIRE'
        WHEN situation_professionnelle IN ('CDD', 'INTERIM', 'APPRENTI') THEN 'CDD_INTERIM_APPRENTI'
        WHEN situation_professionnelle IN ('SANS_EMPLOI', 'AUTRE') THEN 'SANS_EMPLOI_AUTRE'
        ELSE coalesce(situation_professionnelle, 'NON_RENSEIGNE')
    END;

-- dimensions/situation-familiale.yaml
CREATE MACRO categorie_situation_familiale(situation_familiale) AS
    CASE
        WHEN situation_familiale IN ('DIVORCE', 'SEPARE') THEN 'DIVORCE_SEPARE'
        ELSE coalesce(situation_familiale, 'NON_RENSEIGNE')
    END;

-- dimensions/revenus-mensuels.yaml
CREATE MACRO categorie_revenus_mensuels(revenu_mensuel) AS
    CASE
        WHEN revenu_mensuel IS NULL THEN 'NON_RENSEIGNE'
        WHEN revenu_mensuel = 0 THEN 'AUCUN'
        WHEN revenu_mensuel < 500 THEN 'MOINS_500'
        WHEN revenu_mensuel < 1000 THEN '500_999'
        WHEN revenu_mensuel < 1500 THEN '1000_1499'
        WHEN revenu_mensuel < 2000 THEN '1500_1999'
        WHEN revenu_mensuel < 3000 THEN '2000_2999'
        ELSE '3000_PLUS'
    END;

-- dimensions/logement-actuel.yaml
CREATE MACRO categorie_logement_actuel(logement_actuel) AS
    CASE
        WHEN logement_actuel IN ('STRUCTURE_HEBERGEMENT', 'CDEF_CENTRE_MATERNEL', 'HOTEL') THEN 'STRUCTURE_HEBERGEMENT'
        WHEN logement_actuel IN ('FOYER_RESIDENCE_SOCIALE', 'RESIDENCE_ETUDIANT') THEN 'FOYER_RESIDENCE'
        WHEN logement_actuel IN ('SANS_ABRI', 'HABITAT_MOBILE', 'OCCUPANT_SANS_TITRE') THEN 'SANS_ABRI_MOBILE_SANS_TITRE'
        WHEN logement_actuel IN ('LOGEMENT_FONCTION', 'AUTRE') THEN 'AUTRE'
        ELSE coalesce(logement_actuel, 'NON_RENSEIGNE')
    END;

-- dimensions/motif.yaml (20 codes, 11 families)
CREATE MACRO categorie_motif(motif) AS
    CASE
        WHEN motif IN ('SANS_LOGEMENT', 'HEBERGE') THEN 'SANS_LOGEMENT_HEBERGE'
        WHEN motif = 'LOGEMENT_TROP_CHER' THEN 'TROP_CHER'
        WHEN motif IN ('TROP_PETIT', 'TROP_GRAND') THEN 'TAILLE_INADAPTEE'
        WHEN motif IN ('NON_DECENT', 'INSALUBRE') THEN 'NON_DECENT_INSALUBRE'
        WHEN motif IN ('EXPULSION', 'VENTE_OU_REPRISE', 'RENOUVELLEMENT_URBAIN') THEN 'PERTE_LOGEMENT'
        WHEN motif IN ('DIVORCE_SEPARATION', 'DECOHABITATION') THEN 'EVOLUTION_FAMILIALE'
        WHEN motif = 'VIOLENCES' THEN 'VIOLENCES'
        WHEN motif IN ('HANDICAP', 'SANTE') THEN 'HANDICAP_SANTE'
        WHEN motif IN ('RAPPROCHEMENT_TRAVAIL', 'MUTATION_PROFESSIONNELLE') THEN 'RAPPROCHEMENT_TRAVAIL'
        WHEN motif IN ('RAPPROCHEMENT_FAMILLE', 'ENVIRONNEMENT') THEN 'FAMILLE_ENVIRONNEMENT'
        WHEN motif = 'AUTRE' THEN 'AUTRE'
        ELSE 'NON_RENSEIGNE'
    END;

-- A 0/1 field as OUI / NON / NON_RENSEIGNE (dimensions/handicap.yaml).
CREATE MACRO categorie_oui_non(b) AS
    CASE WHEN b THEN 'OUI' WHEN NOT b THEN 'NON' ELSE 'NON_RENSEIGNE' END;

-- dimensions/dalo-prioritaire.yaml (DALO is a subset of prioritaire)
CREATE MACRO categorie_dalo_prioritaire(dalo, prioritaire) AS
    CASE
        WHEN dalo THEN 'DALO'
        WHEN dalo IS NULL THEN 'NON_RENSEIGNE'
        WHEN prioritaire THEN 'PRIORITAIRE_HORS_DALO'
        WHEN NOT prioritaire THEN 'NON_PRIORITAIRE'
        ELSE 'NON_RENSEIGNE'
    END;
-- ==== Household / demande categories (series 03, reused by series 04) ==== end

-- ==== Series 01, 02 and TAB04-01 / TAB04-16 (engine owner) ==== begin
-- Last day of year N + k (k = -2 for 31 December N-2).
CREATE MACRO fin_annee_decalee(k) AS make_date(CAST(getvariable('annee') AS INTEGER) + k, 12, 31);

-- The lines of a series over the nb last years N-nb+1 … N: categorie N_MOINS_<j> (N for the
-- rapport's year) and k = the year's offset (-j); dimensions/annees-<nb>.yaml declares the same
-- keys with decalage k, so that the engine leaves a year the data does not cover empty.
CREATE MACRO annees_decalees(nb) AS TABLE
    SELECT CASE WHEN k = 0 THEN 'N' ELSE 'N_MOINS_' || CAST(-k AS VARCHAR) END AS categorie,
           CAST(k AS INTEGER) AS k
    FROM range(1 - nb, 1) AS t(k);

-- dimensions/anciennete.yaml: whole years from debut (date_depot) to day d (a demande filed on
-- 31 December N-1 is 1 year old on 31 December N).
CREATE MACRO tranche_anciennete(debut, d) AS
    CASE
        WHEN d < debut + INTERVAL 1 YEAR THEN 'MOINS_1'
        WHEN d < debut + INTERVAL 2 YEAR THEN '1_2'
        WHEN d < debut + INTERVAL 3 YEAR THEN '2_3'
        WHEN d < debut + INTERVAL 4 YEAR THEN '3_4'
        WHEN d < debut + INTERVAL 5 YEAR THEN '4_5'
        WHEN d < debut + INTERVAL 10 YEAR THEN '5_10'
        ELSE '10_PLUS'
    END;

-- dimensions/typologie.yaml: T1 … T6 (T6 = 6 rooms or more), empty → NON_RENSEIGNE.
CREATE MACRO categorie_typologie(typologie) AS coalesce(typologie, 'NON_RENSEIGNE');

-- Attributions whose lease was signed in the rapport's year, of demandes hors associations (as
-- they stood at the lease date), located by the dwelling's commune (code_commune).
CREATE MACRO attributions_hors_associations_annee() AS TABLE
    SELECT a.*, a.commune_logement_cog AS code_commune, d.date_depot
    FROM attributions a
    JOIN versions_hors_associations() d
      ON d.numero_unique = a.numero_unique AND version_valide_le(d.premiere_version, d.valide_du, d.valide_au, a.date_bail)
    WHERE dans_annee(a.date_bail);

-- The stock flow of series 01 (TAB01-01 hors associations, TAB01-02 associations), built on the
-- activity periods: stock(1 Jan) + openings - closings = stock(31 Dec) exactly. Each demande
-- is located by its first-choice commune; colonne = mutation / hors_mutation. Every line of a
-- demande uses one version of it, the one valid on 31 December (demandes_au(fin_annee())), so
-- that the identity also holds in each commune and each column when its attributes change.
CREATE MACRO mouvements_stock(associations) AS TABLE
    WITH demandes_retenues AS (
        SELECT numero_unique, commune_premier_choix AS code_commune,
               colonne_mutation(logement_actuel) AS colonne
        FROM demandes_au(fin_annee()) WHERE personne_morale = associations
    ),
    mouvements AS (
        -- active on 31 December of the previous year
        SELECT numero_unique, 'STOCK_DEBUT' AS categorie
        FROM periodes WHERE actif_le(debut, fin, debut_annee() - INTERVAL 1 DAY)
        UNION ALL
        -- periods opening in the year: by a CREATION, otherwise a reactivation
        SELECT numero_unique, CASE WHEN evenement_debut = 'CREATION' THEN 'NOUVELLES' ELSE 'REACTIVATIONS' END
        FROM periodes WHERE dans_annee(debut)
        UNION ALL
        -- periods closing in the year, by motif of the radiation
        SELECT numero_unique, 'RADIATION_' || motif_fin
        FROM periodes WHERE dans_annee(fin)
        UNION ALL
        SELECT numero_unique, 'STOCK_FIN'
        FROM periodes WHERE actif_le(debut, fin, fin_annee())
        UNION ALL
        SELECT numero_unique, 'RENOUVELLEMENTS'
        FROM evenements WHERE type = 'RENOUVELLEMENT' AND dans_annee(date_evenement)
    )
    SELECT d.code_commune, m.categorie, d.colonne, count(*) AS n
    FROM mouvements m JOIN demandes_retenues d USING (numero_unique)
    GROUP BY ALL;
-- ==== Series 01, 02 and TAB04-01 / TAB04-16 (engine owner) ==== end

-- ==== Income ceilings and quartiles of resources per UC (TAB03-09, TAB03-16, TAB04-08, TAB04-15) ==== begin
-- Tables plafonds and zones_plafonds: docs/warehouse-format.md; the household category:
-- etl/src/main/resources/ref/PLAFONDS.md, the approximations: docs/warehouse-format.md,
-- section "Income ceilings".

-- Persons counted for the ceilings (arrêté du 29/07/1987, art. 2): categorie = least(p, 6), and
-- greatest(p - 6, 0) extra persons at supp_par_personne each. NULL when taille_menage is empty.
-- p is the largest of the clauses that apply:
--   taille_menage, + 1 when handicap (each category "or n-1 persons of whom one handicapped");
--   not a couple with k >= 1 children: k + 2 ("one person with k dependants" = category k + 2),
--     k capped at taille_menage - 1; dependants are approximated by nb_enfants;
--   jeune ménage: couple (menage_en_couple) of exactly 2 persons, no child, applicant aged 27 or
--     less in the year of reference (combined ages <= 55 approximated by 2 x the applicant's age,
--     the partner's age is not in the extract) -> 3.
-- handicap, nb_enfants, co_demandeur/situation or age empty: that clause does not apply.
CREATE MACRO personnes_plafond(taille_menage, nb_enfants, co_demandeur, situation_familiale, handicap, age) AS
    CASE WHEN taille_menage IS NULL THEN NULL ELSE greatest(
        taille_menage + CASE WHEN handicap THEN 1 ELSE 0 END,
        CASE WHEN NOT coalesce(menage_en_couple(taille_menage, co_demandeur, situation_familiale), false)
                  AND nb_enfants >= 1 AND taille_menage >= 2
             THEN least(nb_enfants, taille_menage - 1) + 2 ELSE 0 END,
        CASE WHEN coalesce(menage_en_couple(taille_menage, co_demandeur, situation_familiale), false)
                  AND taille_menage = 2 AND nb_enfants = 0 AND age <= 27
             THEN 3 ELSE 0 END)
    END;

-- Household category 1-6 of the arrêté (6 also for larger households, see supp_par_personne).
CREATE MACRO categorie_plafond(taille_menage, nb_enfants, co_demandeur, situation_familiale, handicap, age) AS
    least(personnes_plafond(taille_menage, nb_enfants, co_demandeur, situation_familiale, handicap, age), 6);

-- Ceiling (euros of RFR) of a household of `personnes` (personnes_plafond) for a financement
-- (PLAI, PLUS, PLS), a year and a zone; NULL when one of them is NULL or the year is not in
-- the table (2015-2026).
CREATE MACRO plafond_menage(financement_, annee_, zone_, personnes) AS (
    SELECT p.plafond_euros + greatest(personnes - 6, 0) * p.supp_par_personne
    FROM plafonds p
    WHERE p.financement = financement_ AND p.annee = annee_ AND p.zone = zone_
      AND p.categorie = least(personnes, 6));

-- Key of dimensions/plafonds.yaml: the RFR against the household's ceilings (a RFR equal to a
-- ceiling is within it).
CREATE MACRO tranche_plafonds(rfr, annee_, zone_, personnes) AS
    CASE
        WHEN rfr IS NULL OR plafond_menage('PLAI', annee_, zone_, personnes) IS NULL THEN 'NON_RENSEIGNE'
        WHEN rfr <= plafond_menage('PLAI', annee_, zone_, personnes) THEN 'PLAI'
        WHEN rfr <= plafond_menage('PLUS', annee_, zone_, personnes) THEN 'PLAI_PLUS'
        WHEN rfr <= plafond_menage('PLS', annee_, zone_, personnes) THEN 'PLUS_PLS'
        ELSE 'PLUS_DE_PLS'
    END;

-- Unités de consommation: 1 for the first adult, 0.5 per other person aged 14+, 0.3 per child.
-- Children = nb_enfants (all counted as under 14), capped at taille_menage - 1; the other persons
-- = taille_menage - 1 - children. NULL when taille_menage or nb_enfants is empty.
CREATE MACRO unites_consommation(taille_menage, nb_enfants) AS
    1 + 0.5 * (taille_menage - 1 - least(nb_enfants, taille_menage - 1))
      + 0.3 * least(nb_enfants, taille_menage - 1);

-- Annual resources per UC: revenu_mensuel x 12 / UC (DOUBLE, NULL when an input is empty).
CREATE MACRO ressources_par_uc(revenu_mensuel, taille_menage, nb_enfants) AS
    CAST(revenu_mensuel * 12 AS DOUBLE) / unites_consommation(taille_menage, nb_enfants);

-- Territory of the quartile thresholds of each commune (and arrondissement): the region in
-- Île-de-France ('11'), else the EPCI (SIREN), else (the 4 island communes outside any EPCI)
-- the commune itself.
CREATE MACRO territoires_quartiles() AS TABLE
    SELECT code_commune,
           CASE WHEN code_region = '11' THEN code_region ELSE coalesce(siren_epci, code_commune) END
               AS territoire_quartile
    FROM communes;

-- The published quartile thresholds computed at 31 December of `annee_`: per territory, over
-- the demandes active that day, hors associations, whose resources per UC are known, located by
-- their first-choice commune. quantile_disc = SQL PERCENTILE_DISC: the k-th smallest value,
-- k = ceil(n x q), so each threshold is an observed resource (the highest of its quarter).
-- TAB03-16 of year N uses seuils_quartiles(N); TAB04-15 of year N uses seuils_quartiles(N - 1).
CREATE MACRO seuils_quartiles(annee_) AS TABLE
    SELECT t.territoire_quartile,
           quantile_disc(d.r, 0.25) AS seuil_q1,
           quantile_disc(d.r, 0.50) AS seuil_q2,
           quantile_disc(d.r, 0.75) AS seuil_q3,
           count(*) AS demandes
    FROM (SELECT commune_premier_choix AS code_commune,
                 ressources_par_uc(revenu_mensuel, taille_menage, nb_enfants) AS r
          FROM demandes_actives_le(make_date(CAST(annee_ AS INTEGER), 12, 31))
          WHERE NOT personne_morale) d
    JOIN territoires_quartiles() t USING (code_commune)
    WHERE d.r IS NOT NULL
    GROUP BY t.territoire_quartile;

-- Key of dimensions/quartile-uc.yaml: resources per UC against the thresholds of the territory
-- (<= seuil_q1: 1st quartile, <= seuil_q2: 2nd, <= seuil_q3: 3rd, above: 4th).
CREATE MACRO quartile_uc(r, seuil_q1, seuil_q2, seuil_q3) AS
    CASE
        WHEN r IS NULL OR seuil_q1 IS NULL THEN 'NON_RENSEIGNE'
        WHEN r <= seuil_q1 THEN 'Q1'
        WHEN r <= seuil_q2 THEN 'Q2'
        WHEN r <= seuil_q3 THEN 'Q3'
        ELSE 'Q4'
    END;
-- ==== Income ceilings and quartiles of resources per UC (TAB03-09, TAB03-16, TAB04-08, TAB04-15) ==== end
