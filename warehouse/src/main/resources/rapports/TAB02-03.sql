-- TAB02-03 Demandes actives (hors associations) at the end of each month of year getvariable('annee'),
-- with their attributes as they stood that day; located by the first-choice commune.
WITH fins_de_mois AS (
    SELECT strftime(m, '%m') AS categorie, last_day(m) AS d
    FROM range(year_start(), year_end() + INTERVAL 1 DAY, INTERVAL 1 MONTH) AS t(m)
)
SELECT dm.commune_premier_choix AS code_commune, f.categorie, count(*) AS n
FROM fins_de_mois f
JOIN periodes p ON active_on(p.debut, p.fin, f.d)
JOIN versions_hors_associations() dm
  ON dm.numero_unique = p.numero_unique
 AND version_valid_on(dm.premiere_version, dm.valide_du, dm.valide_au, f.d)
GROUP BY ALL
