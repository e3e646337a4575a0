-- TAB02-04 Month by month in year getvariable('annee'), hors associations: new demandes (periods
-- opening by a CREATION, as TAB01-01's NOUVELLES; located by the first-choice commune as it stood
-- on the creation day) and attributions (lease signed, as TAB04-10; located by the dwelling's commune).
SELECT dm.commune_premier_choix AS code_commune, strftime(p.debut, '%m') AS categorie,
       'nouvelles' AS colonne, count(*) AS n
FROM periodes p
JOIN versions_hors_associations() dm
  ON dm.numero_unique = p.numero_unique
 AND version_valid_on(dm.premiere_version, dm.valide_du, dm.valide_au, p.debut)
WHERE p.evenement_debut = 'CREATION' AND in_year(p.debut)
GROUP BY ALL
UNION ALL
SELECT code_commune, strftime(date_bail, '%m'), 'attributions', count(*)
FROM attributions_hors_associations_in_year()
GROUP BY ALL
