# Reads an SPSS file written by `fornye weight --output X.sav --replicate-type ...` with R's
# foreign::read.spss (a reader independent of Fornye's), takes the replicate method, scale and
# rscales from the replicate columns' variable labels, and estimates the mean of `size` on
# survey::svrepdesign built from those columns. Prints JSON: what R read and what it estimated.
#
#   Rscript scripts/spss/read-replicates.R weighted.sav
suppressMessages({library(foreign); library(survey); library(jsonlite)})
file <- commandArgs(trailingOnly = TRUE)[1]
d <- suppressWarnings(read.spss(file, to.data.frame = TRUE, use.value.labels = FALSE))
labels <- attr(d, "variable.labels")
columns <- grep("^repw_[0-9]+$", names(d), value = TRUE)
columns <- columns[order(as.integer(sub("repw_", "", columns)))]
replicate_labels <- unname(labels[columns])
method <- unique(sub("^Replicate weight [0-9]+ of [0-9]+: ([A-Za-z0-9]+),.*$", "\\1", replicate_labels))
scale <- unique(as.numeric(sub("^.*, scale ([^,]+),.*$", "\\1", replicate_labels)))
rscales <- as.numeric(sub("^.*, rscale ([^,]+),.*$", "\\1", replicate_labels))
mse <- unique(sub("^.*, mse (true|false)$", "\\1", replicate_labels)) == "true"
stopifnot(length(method) == 1, length(scale) == 1, length(mse) == 1, !anyNA(rscales))
design <- svrepdesign(data = d, repweights = d[columns], weights = ~calibrated_weight, type = method,
                      scale = scale, rscales = rscales, mse = mse, combined.weights = TRUE)
m <- svymean(~size, design)
cat(toJSON(list(
  reader = paste("R", getRversion(), "foreign", packageVersion("foreign"), "read.spss; survey",
                 packageVersion("survey"), "svrepdesign"),
  synthetic = TRUE,
  names = names(d),
  replicate_columns = columns,
  replicate_labels = replicate_labels,
  method = method, scale = scale, rscales = rscales, mse = mse,
  calibrated_weight = d$calibrated_weight,
  replicate_weights = unname(lapply(columns, function(column) d[[column]])),
  mean_size = unname(coef(m)), se_size = unname(SE(m)), df = degf(design)),
  digits = NA, auto_unbox = TRUE, pretty = TRUE), "\n")
