-- TAB04-02 Demandes satisfaites (lease signed in year getvariable('annee'), hors associations)
-- by age of the applicant, age = year - annee_naissance (the demande's), located by the dwelling's
-- commune; split mutation / hors mutation (the demande's logement_actuel).
SELECT a.commune_logement_cog AS code_commune,
       CASE
           WHEN d.annee_naissance IS NULL THEN 'NON_RENSEIGNE'
           WHEN getvariable('annee') - d.annee_naissance < 25 THEN 'MOINS_25'
           WHEN getvariable('annee') - d.annee_naissance < 30 THEN '25_29'
           WHEN getvariable('annee') - d.annee_naissance < 40 THEN '30_39'
           WHEN getvariable('annee') - d.annee_naissance < 50 THEN '40_49'
           WHEN getvariable('annee') - d.annee_naissance < 65 THEN '50_64'
           WHEN getvariable('annee') - d.annee_naissance < 75 THEN '65_74'
           ELSE '75_PLUS'
       END AS categorie,
       colonne_mutation(d.logement_actuel) AS colonne,
       count(*) AS n
FROM attributions a
JOIN versions_hors_associations() d  -- the demande as it stood at the lease date
  ON d.numero_unique = a.numero_unique
 AND version_valide_le(d.premiere_version, d.valide_du, d.valide_au, a.date_bail)
WHERE dans_annee(a.date_bail)
GROUP BY ALL
