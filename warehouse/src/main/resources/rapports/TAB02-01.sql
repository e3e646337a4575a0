-- TAB02-01 Demandes actives (hors associations) on the last day of each quarter of year
-- getvariable('annee'), split mutation / hors mutation; located by the first-choice commune.
-- Each quarter uses the demandes' attributes as they stood on its last day.
WITH fins_de_trimestre AS (
    SELECT 'T' || CAST(q AS VARCHAR) AS categorie,
           last_day(make_date(CAST(getvariable('annee') AS INTEGER), CAST(3 * q AS INTEGER), 1)) AS d
    FROM range(1, 5) AS t(q)
)
SELECT dm.commune_premier_choix AS code_commune, f.categorie,
       mutation_column(dm.logement_actuel) AS colonne, count(*) AS n
FROM fins_de_trimestre f
JOIN periodes p ON active_on(p.debut, p.fin, f.d)
JOIN versions_hors_associations() dm
  ON dm.numero_unique = p.numero_unique
 AND version_valid_on(dm.premiere_version, dm.valide_du, dm.valide_au, f.d)
GROUP BY ALL
