-- TAB02-04 Month by month in year getvariable('annee'), hors associations: new demandes (periods
-- opening by a CREATION, located by the first-choice commune on 31 December, exactly as TAB01-01's
-- NOUVELLES: the months add up to it) and attributions (lease signed, as TAB04-10; located by the
-- dwelling's commune: the months add up to series 04's total).
SELECT d.commune_premier_choix AS code_commune, strftime(p.debut, '%m') AS categorie,
       'nouvelles' AS colonne, count(*) AS n
FROM periodes p
JOIN demandes_on(year_end()) d USING (numero_unique)
WHERE p.evenement_debut = 'CREATION' AND in_year(p.debut) AND NOT d.personne_morale
GROUP BY ALL
UNION ALL
SELECT code_commune, strftime(date_bail, '%m'), 'attributions', count(*)
FROM attributions_hors_associations_in_year()
GROUP BY ALL
