-- The helpers of the test catalogue.
CREATE MACRO age_in(annee, annee_naissance) AS annee - annee_naissance;

-- ==== The dimensions' macros (generated from dimensions/*.yaml) ====

-- Series 06 (as the application's macros.sql)
CREATE MACRO guichets_geo() AS TABLE
    SELECT g.*, c.code_departement, c.code_region
    FROM guichets g LEFT JOIN communes c ON c.code_commune = g.code_commune;
CREATE MACRO periodes_demandees() AS TABLE
    SELECT unnest(getvariable('periodes_demandees'), recursive := true);
CREATE MACRO guichets_demandes() AS TABLE
    SELECT code_guichet, code_departement FROM guichets_geo()
    WHERE list_contains(getvariable('departements_demandes'), code_departement);
