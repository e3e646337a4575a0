SELECT commune_premier_choix AS code_commune,
       categorie_age(age_in(getvariable('annee'), annee_naissance)) AS categorie,
       count(*) AS n
FROM demandes_versions
GROUP BY ALL
