-- The SQL helpers shared by the rapports' SQL files: dates, periods, versions of the attributes,
-- stock movements, plafonds and quartiles computations. The mapping of the extract's values to a
-- dimension's categories is not here: each dimensions/<name>.yaml declares it, and the catalogue
-- generates its macro categorie_<name>(…) (docs/catalogue.md), created at the marked line below.
-- Created once when the warehouse is opened, after the views of the served version's tables;
-- DuckDB binds a macro when it is created, so a macro only uses those created before it.
-- The year of a rapport is the session variable 'annee' (SET VARIABLE annee = 2024).

-- ==== Dates and periods ==== begin
-- A demande's period is active on day d: it has started and not yet been closed by a RADIATION
-- (fin is the radiation day, on which the demande is no longer active).
CREATE MACRO active_on(debut, fin, d) AS debut <= d AND (fin IS NULL OR fin > d);

-- First and last day of the rapport's year.
CREATE MACRO year_start() AS make_date(CAST(getvariable('annee') AS INTEGER), 1, 1);
CREATE MACRO year_end() AS make_date(CAST(getvariable('annee') AS INTEGER), 12, 31);

-- Whether a date falls in the rapport's year.
CREATE MACRO in_year(d) AS d BETWEEN year_start() AND year_end();

-- Last day of year N + k (k = -2 for 31 December N-2).
CREATE MACRO year_end_offset(k) AS make_date(CAST(getvariable('annee') AS INTEGER) + k, 12, 31);

-- The lines of a series over the nb last years N-nb+1 … N: categorie N_MOINS_<j> (N for the
-- rapport's year) and k = the year's offset (-j); dimensions/annees-<nb>.yaml declares the same
-- keys with offset k, so that the engine leaves a year the data does not cover empty.
CREATE MACRO last_years(nb) AS TABLE
    SELECT CASE WHEN k = 0 THEN 'N' ELSE 'N_MOINS_' || CAST(-k AS VARCHAR) END AS categorie,
           CAST(k AS INTEGER) AS k
    FROM range(1 - nb, 1) AS t(k);
-- ==== Dates and periods ==== end

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
--    AND version_valid_on(dm.premiere_version, dm.valide_du, dm.valide_au, x.<date>)
-- (an explicit join, not a macro returning both tables, so that only the columns used are read).
CREATE MACRO version_valid_on(premiere_version, valide_du, valide_au, d) AS
    (valide_du <= d OR premiere_version) AND (valide_au IS NULL OR d < valide_au);

-- Every demande with its attributes as they stood on day d: the columns of `demandes` (the
-- version's valide_du as date_extraction: the extract it comes from), one row per demande; a
-- rapport swaps `demandes` for demandes_on(year_end()).
CREATE MACRO demandes_on(d) AS TABLE
    SELECT * EXCLUDE (valide_du, valide_au, premiere_version), valide_du AS date_extraction
    FROM demandes_versions
    WHERE version_valid_on(premiere_version, valide_du, valide_au, d);

-- The versions "hors associations" (personne_morale = false in the version), to join on the
-- version valid at a date of each row as above.
CREATE MACRO versions_hors_associations() AS TABLE
    SELECT * FROM demandes_versions WHERE NOT personne_morale;
-- ==== Attributes as they stood at a date (table demandes_versions) ==== end

-- Demandes active on day d, with their attributes as they stood that day (periods of one demande
-- never overlap: at most one row per demande).
CREATE MACRO demandes_active_on(d) AS TABLE
    SELECT dm.* FROM demandes_on(d) dm
    WHERE EXISTS (SELECT 1 FROM periodes p
                  WHERE p.numero_unique = dm.numero_unique AND active_on(p.debut, p.fin, d));

-- ==== Household ==== begin
-- Whether the household is a couple: co_demandeur, or situation MARIE / PACSE / CONCUBIN, with at
-- least 2 persons. Three-valued: NULL when the empty fields leave it undecided.
-- (dimensions/composition-familiale.yaml, plafond_persons)
CREATE MACRO is_couple(taille_menage, co_demandeur, situation_familiale) AS
    taille_menage >= 2 AND (co_demandeur OR situation_familiale IN ('MARIE', 'PACSE', 'CONCUBIN'));
-- ==== Household ==== end

-- ==== Income ceilings and quartiles of resources per UC (TAB03-09, TAB03-16, TAB04-08, TAB04-15) ==== begin
-- Tables plafonds and zones_plafonds: docs/warehouse-format.md; the household category:
-- etl/src/main/resources/ref/PLAFONDS.md, the approximations: docs/warehouse-format.md,
-- section "Income ceilings". The brackets themselves: dimensions/plafonds.yaml and
-- dimensions/quartile-uc.yaml.

-- Persons counted for the ceilings (arrêté du 29/07/1987, art. 2): categorie = least(p, 6), and
-- greatest(p - 6, 0) extra persons at supp_par_personne each. NULL when taille_menage is empty.
-- p is the largest of the clauses that apply:
--   taille_menage, + 1 when handicap (each category "or n-1 persons of whom one handicapped");
--   not a couple with k >= 1 children: k + 2 ("one person with k dependants" = category k + 2),
--     k capped at taille_menage - 1; dependants are approximated by nb_enfants;
--   jeune ménage: couple (is_couple) of exactly 2 persons, no child, applicant aged 27 or
--     less in the year of reference (combined ages <= 55 approximated by 2 x the applicant's age,
--     the partner's age is not in the extract) -> 3.
-- handicap, nb_enfants, co_demandeur/situation or age empty: that clause does not apply.
CREATE MACRO plafond_persons(taille_menage, nb_enfants, co_demandeur, situation_familiale, handicap, age) AS
    CASE WHEN taille_menage IS NULL THEN NULL ELSE greatest(
        taille_menage + CASE WHEN handicap THEN 1 ELSE 0 END,
        CASE WHEN NOT coalesce(is_couple(taille_menage, co_demandeur, situation_familiale), false)
                  AND nb_enfants >= 1 AND taille_menage >= 2
             THEN least(nb_enfants, taille_menage - 1) + 2 ELSE 0 END,
        CASE WHEN coalesce(is_couple(taille_menage, co_demandeur, situation_familiale), false)
                  AND taille_menage = 2 AND nb_enfants = 0 AND age <= 27
             THEN 3 ELSE 0 END)
    END;

-- Ceiling (euros of RFR) of a household of `personnes` (plafond_persons) for a financement
-- (PLAI, PLUS, PLS), a year and a zone; NULL when one of them is NULL or the year is not in
-- the table (2015-2026).
CREATE MACRO household_plafond(financement_, annee_, zone_, personnes) AS (
    SELECT p.plafond_euros + greatest(personnes - 6, 0) * p.supp_par_personne
    FROM plafonds p
    WHERE p.financement = financement_ AND p.annee = annee_ AND p.zone = zone_
      AND p.categorie = least(personnes, 6));

-- Unités de consommation: 1 for the first adult, 0.5 per other person aged 14+, 0.3 per child.
-- Children = nb_enfants (all counted as under 14), capped at taille_menage - 1; the other persons
-- = taille_menage - 1 - children. NULL when taille_menage or nb_enfants is empty.
CREATE MACRO consumption_units(taille_menage, nb_enfants) AS
    1 + 0.5 * (taille_menage - 1 - least(nb_enfants, taille_menage - 1))
      + 0.3 * least(nb_enfants, taille_menage - 1);

-- Annual resources per UC: revenu_mensuel x 12 / UC (DOUBLE, NULL when an input is empty).
CREATE MACRO resources_per_uc(revenu_mensuel, taille_menage, nb_enfants) AS
    CAST(revenu_mensuel * 12 AS DOUBLE) / consumption_units(taille_menage, nb_enfants);

-- Territory of the quartile thresholds of each commune (and arrondissement): the region in
-- Île-de-France ('11'), else the EPCI (SIREN), else (the 4 island communes outside any EPCI)
-- the commune itself.
CREATE MACRO quartile_territoires() AS TABLE
    SELECT code_commune,
           CASE WHEN code_region = '11' THEN code_region ELSE coalesce(siren_epci, code_commune) END
               AS territoire_quartile
    FROM communes;

-- The published quartile thresholds computed at 31 December of `annee_`: per territory, over
-- the demandes active that day, hors associations, whose resources per UC are known, located by
-- their first-choice commune. quantile_disc = SQL PERCENTILE_DISC: the k-th smallest value,
-- k = ceil(n x q), so each threshold is an observed resource (the highest of its quarter).
-- TAB03-16 of year N uses quartile_thresholds(N); TAB04-15 of year N uses quartile_thresholds(N - 1).
CREATE MACRO quartile_thresholds(annee_) AS TABLE
    SELECT t.territoire_quartile,
           quantile_disc(d.r, 0.25) AS seuil_q1,
           quantile_disc(d.r, 0.50) AS seuil_q2,
           quantile_disc(d.r, 0.75) AS seuil_q3,
           count(*) AS demandes
    FROM (SELECT commune_premier_choix AS code_commune,
                 resources_per_uc(revenu_mensuel, taille_menage, nb_enfants) AS r
          FROM demandes_active_on(make_date(CAST(annee_ AS INTEGER), 12, 31))
          WHERE NOT personne_morale) d
    JOIN quartile_territoires() t USING (code_commune)
    WHERE d.r IS NOT NULL
    GROUP BY t.territoire_quartile;
-- ==== Income ceilings and quartiles of resources per UC (TAB03-09, TAB03-16, TAB04-08, TAB04-15) ==== end

-- ==== The dimensions' macros (generated from dimensions/*.yaml) ====
-- Above: the helpers a dimension's condition or expression may use. Below: the helpers that use
-- the dimensions' macros.

-- Mutation column of the rapports split mutation / hors mutation: the keys of
-- dimensions/mutation.yaml in lower case (mutation: the applicant already rents a social dwelling).
CREATE MACRO mutation_column(logement_actuel) AS lower(categorie_mutation(logement_actuel));

-- Attributions whose lease was signed in the rapport's year, of demandes hors associations (as
-- they stood at the lease date), located by the dwelling's commune (code_commune).
CREATE MACRO attributions_hors_associations_in_year() AS TABLE
    SELECT a.*, a.commune_logement_cog AS code_commune, d.date_depot
    FROM attributions a
    JOIN versions_hors_associations() d
      ON d.numero_unique = a.numero_unique AND version_valid_on(d.premiere_version, d.valide_du, d.valide_au, a.date_bail)
    WHERE in_year(a.date_bail);

-- The stock flow of series 01 (TAB01-01 hors associations, TAB01-02 associations), built on the
-- activity periods: stock(1 Jan) + openings - closings = stock(31 Dec) exactly. Each demande
-- is located by its first-choice commune; colonne = mutation / hors_mutation. Every line of a
-- demande uses one version of it, the one valid on 31 December (demandes_on(year_end())), so
-- that the identity also holds in each commune and each column when its attributes change.
CREATE MACRO stock_movements(associations) AS TABLE
    WITH demandes_retenues AS (
        SELECT numero_unique, commune_premier_choix AS code_commune,
               mutation_column(logement_actuel) AS colonne
        FROM demandes_on(year_end()) WHERE personne_morale = associations
    ),
    mouvements AS (
        -- active on 31 December of the previous year
        SELECT numero_unique, 'STOCK_DEBUT' AS categorie
        FROM periodes WHERE active_on(debut, fin, year_start() - INTERVAL 1 DAY)
        UNION ALL
        -- periods opening in the year: by a CREATION, otherwise a reactivation
        SELECT numero_unique, CASE WHEN evenement_debut = 'CREATION' THEN 'NOUVELLES' ELSE 'REACTIVATIONS' END
        FROM periodes WHERE in_year(debut)
        UNION ALL
        -- periods closing in the year, by motif of the radiation
        SELECT numero_unique, 'RADIATION_' || motif_fin
        FROM periodes WHERE in_year(fin)
        UNION ALL
        SELECT numero_unique, 'STOCK_FIN'
        FROM periodes WHERE active_on(debut, fin, year_end())
        UNION ALL
        SELECT numero_unique, 'RENOUVELLEMENTS'
        FROM evenements WHERE type = 'RENOUVELLEMENT' AND in_year(date_evenement)
    )
    SELECT d.code_commune, m.categorie, d.colonne, count(*) AS n
    FROM mouvements m JOIN demandes_retenues d USING (numero_unique)
    GROUP BY ALL;

-- ==== Series 06: guichet activity (rapports by guichet, docs/catalogue.md) ==== begin
-- Every guichet with the département and région of its commune (guichets.csv code_commune, an
-- arrondissement being in its commune's département): the département a guichet belongs to.
CREATE MACRO guichets_geo() AS TABLE
    SELECT g.*, c.code_departement, c.code_region
    FROM guichets g LEFT JOIN communes c ON c.code_commune = g.code_commune;

-- The periods a rapport by guichet is computed for (the session variable periodes_demandees, a
-- list of {cle, debut, fin}: the period's key, first and last day counted, both included).
CREATE MACRO periodes_demandees() AS TABLE
    SELECT unnest(getvariable('periodes_demandees'), recursive := true);

-- The guichets whose rows are asked: those of the départements of the session variable
-- departements_demandes (a list of codes).
CREATE MACRO guichets_demandes() AS TABLE
    SELECT code_guichet, code_departement FROM guichets_geo()
    WHERE list_contains(getvariable('departements_demandes'), code_departement);
-- ==== Series 06: guichet activity ==== end
