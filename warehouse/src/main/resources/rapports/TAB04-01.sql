-- TAB04-01 Demandes satisfaites (lease signed in year getvariable('annee'), hors associations) by
-- ancienneté of the demande at the lease date (whole years from date_depot to date_bail), located
-- by the dwelling's commune. Mean and median waiting times: TAB04-01.stats.sql.
SELECT code_commune, categorie_anciennete(date_depot, date_bail) AS categorie, count(*) AS n
FROM attributions_hors_associations_in_year()
GROUP BY ALL
