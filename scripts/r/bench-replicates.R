# R's time for replicate-weight variances beside Taylor linearisation, on the same synthetic data
# and the same work as `fornye-statistics-benchmark ROWS VARIABLES BREAKDOWNS REPLICATES`: every
# share of each categorical variable by each breakdown (svyby(~factor(q), ~b, design, svymean)),
# once on the stratified design (Taylor) and once on its Rao-Wu bootstrap replicate design
# (as.svrepdesign(type = "subbootstrap", replicates = R)). Prints JSON.
#
#   fornye synth --rows 100000 --variables 10 --breakdowns 2 --output synth-100k.csv
#   Rscript scripts/r/bench-replicates.R synth-100k.csv 10 2 80
suppressMessages({library(survey); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]
nvar <- if (length(args) >= 2) as.integer(args[2]) else 10
nby <- if (length(args) >= 3) as.integer(args[3]) else 2
nrep <- if (length(args) >= 4) as.integer(args[4]) else 80
d <- read.csv(file)
for (v in grep("^q", names(d), value = TRUE)) d[[v]][d[[v]] %in% c(98, 99)] <- NA
design <- svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = d)
set.seed(1)
start <- Sys.time()
rep <- as.svrepdesign(design, type = "subbootstrap", replicates = nrep)
making <- as.numeric(difftime(Sys.time(), start, units = "secs"))
run <- function(des) {
  start <- Sys.time()
  cells <- 0
  for (v in paste0("q", seq_len(nvar))) {
    for (b in paste0("b", seq_len(nby))) {
      r <- svyby(as.formula(paste0("~factor(", v, ")")), as.formula(paste0("~", b)), des, svymean, na.rm = TRUE)
      cells <- cells + length(coef(r))
    }
  }
  list(seconds = as.numeric(difftime(Sys.time(), start, units = "secs")), cells = cells)
}
taylor <- run(design)
replicated <- run(rep)
cat(toJSON(list(tool = paste("R", getRversion(), "survey", packageVersion("survey")), synthetic = TRUE,
                rows = nrow(d), variables = nvar, breakdowns = nby, replicates = nrep, cells = taylor$cells,
                replicate_weights_seconds = making, taylor_seconds = taylor$seconds,
                replicate_seconds = replicated$seconds,
                replicate_over_taylor = replicated$seconds / taylor$seconds),
           auto_unbox = TRUE, pretty = TRUE), "\n")
