-- TAB04-10 Demandes satisfaites (lease signed in year getvariable('annee'), hors associations)
-- by type of réservataire, located by the dwelling's commune.
SELECT a.commune_logement_cog AS code_commune,
       coalesce(a.reservataire, 'NON_RENSEIGNE') AS categorie,
       count(*) AS n
FROM attributions a
JOIN versions_hors_associations() d  -- the demande as it stood at the lease date
  ON d.numero_unique = a.numero_unique
 AND version_valide_le(d.premiere_version, d.valide_du, d.valide_au, a.date_bail)
WHERE dans_annee(a.date_bail)
GROUP BY ALL
