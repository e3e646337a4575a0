-- TAB04-12 Demandes satisfaites (lease signed in year getvariable('annee'), hors associations)
-- mutation (the applicant already rented a social dwelling: the demande's logement_actuel =
-- LOCATAIRE_HLM) / hors mutation (anything else, empty included), located by the dwelling's commune.
SELECT a.commune_logement_cog AS code_commune,
       categorie_mutation(d.logement_actuel) AS categorie,
       count(*) AS n
FROM attributions a
JOIN versions_hors_associations() d  -- the demande as it stood at the lease date
  ON d.numero_unique = a.numero_unique
 AND version_valid_on(d.premiere_version, d.valide_du, d.valide_au, a.date_bail)
WHERE in_year(a.date_bail)
GROUP BY ALL
