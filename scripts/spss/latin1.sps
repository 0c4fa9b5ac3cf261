* A Windows-1252 file, as older SPSS versions write. SYNTETISKE DATA.
SET LOCALE='windows-1252'.
DATA LIST LIST /sektor (F8.0) navn (A12).
BEGIN DATA
1 "Bodø"
2 "Ålesund"
END DATA.
VARIABLE LABELS sektor 'Sektor på kryss'.
VALUE LABELS sektor 1 'Kommune på land' 2 'Fylke'.
SAVE OUTFILE='OUT/pspp-windows1252.sav'.
