# Baseline: R's survey package on the same synthetic data as fornye-statistics-benchmark.
# Usage: Rscript Benchmarks/baselines/r-survey.R data.csv [variables] [breakdowns]
# Times svyby(~factor(q), ~b, design, svymean, na.rm = TRUE) plus svyciprop-equivalent intervals
# (confint) for the first `variables` variables by the first `breakdowns` breakdowns, and prints
# JSON with the time and the time scaled to 60 variables x 5 breakdowns.
suppressMessages({library(survey); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]
nvar <- if (length(args) >= 2) as.integer(args[2]) else 2
nby <- if (length(args) >= 3) as.integer(args[3]) else 5
load_start <- Sys.time()
d <- read.csv(file)
load_seconds <- as.numeric(difftime(Sys.time(), load_start, units = "secs"))
for (v in grep("^q", names(d), value = TRUE)) d[[v]][d[[v]] %in% c(98, 99)] <- NA
design <- svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = d)
start <- Sys.time()
cells <- 0
for (v in paste0("q", seq_len(nvar))) {
  for (b in paste0("b", seq_len(nby))) {
    r <- svyby(as.formula(paste0("~factor(", v, ")")), as.formula(paste0("~", b)), design, svymean,
               na.rm = TRUE, deff = "replace")
    # Both data frames are laid out category by category, so unlist pairs them up.
    est <- unlist(r[, grepl("^factor", names(r))])
    se <- unlist(SE(r))
    q <- qt(0.975, degf(design))
    ci <- cbind(est - q * se, est + q * se)
    cells <- cells + length(coef(r))
  }
}
seconds <- as.numeric(difftime(Sys.time(), start, units = "secs"))
cat(toJSON(list(tool = paste("R", getRversion(), "survey", packageVersion("survey")), rows = nrow(d),
                variables = nvar, breakdowns = nby, cells = cells, load_seconds = load_seconds,
                seconds = seconds, scaled_to_60x5_seconds = seconds * (60 * 5) / (nvar * nby)),
           auto_unbox = TRUE, pretty = TRUE), "\n")
