-- TAB01-01 Évolution du stock des demandes (hors associations), year getvariable('annee').
-- The flow is the macro stock_movements (macros.sql), shared with TAB01-02 (associations):
-- stock(1 Jan) + openings - closings = stock(31 Dec) exactly.
SELECT code_commune, categorie, colonne, n
FROM stock_movements(false)
