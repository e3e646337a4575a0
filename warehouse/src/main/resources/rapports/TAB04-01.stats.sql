-- TAB04-01 waiting time of each attribution of year getvariable('annee') (hors associations), one
-- row per attribution: whole months from date_depot to date_bail, located by the dwelling's
-- commune, with its ancienneté bracket; the engine takes the mean and the median per bracket and
-- over all attributions of the territory.
SELECT code_commune, categorie_anciennete(date_depot, date_bail) AS categorie,
       date_sub('month', date_depot, date_bail) AS valeur
FROM attributions_hors_associations_in_year()
