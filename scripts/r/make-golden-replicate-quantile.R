# Golden values for quantiles with replicate weights: R survey 4.1.1's svyquantile on a
# svrepdesign (svyquantile.svyrep.design), with its default interval.type = "mean" (Woodruff's
# interval from the replicate variance of the share) and with interval.type = "quantile" (the
# replicate variance of the quantile itself), overall and in domains, na.rm = TRUE.
#
# Run from the repository root:  Rscript scripts/r/make-golden-replicate-quantile.R
# Writes Tests/FornyeStatisticsTests/Golden/quantile/replicate-quantile.json. Data: the synthetic
# fixture of make-golden-quantile.R, read from its committed golden file. Replicate designs: JKn
# on the stratified cluster design with fpc, JK1 on the weights-only design, a Rao-Wu
# subbootstrap (its replicate weights are exported, so Swift uses R's draws) and the JKn design
# post-stratified (every replicate re-calibrated). mse = FALSE, R's default.
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})
stopifnot(packageVersion("survey") == "4.1.1")
stopifnot(identical(eval(formals(survey:::svyquantile.svyrep.design)$interval.type)[1], "mean"))
stopifnot(identical(eval(formals(survey:::svyquantile.svyrep.design)$qrule)[1], "math"))
options(survey.replicates.mse = FALSE)

base <- fromJSON("Tests/FornyeStatisticsTests/Golden/quantile/quantile.json")
frame <- as.data.frame(base$data[c("stratum", "psu", "fpc", "weight", "pgroup", "domain", "score", "y")])
stratified <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc, nest = TRUE, data = frame)
weighted <- svydesign(ids = ~1, weights = ~weight, data = frame)
set.seed(20261207)
jkn <- as.svrepdesign(stratified, type = "JKn")
designs <- list(
  stratified_jkn = jkn,
  weighted_jk1 = as.svrepdesign(weighted, type = "JK1"),
  stratified_subbootstrap = as.svrepdesign(stratified, type = "subbootstrap", replicates = 50),
  post_stratified_jkn = postStratify(jkn, ~pgroup, data.frame(pgroup = 1:3, Freq = c(2500, 3100, 1900)))
)
probabilities <- c(0.1, 0.25, 0.5, 0.75, 0.9)
na_to_null <- function(v) if (is.na(v)) NA else unname(v)

cases <- list()
for (design_name in names(designs)) {
  d <- designs[[design_name]]
  for (interval in c("mean", "quantile")) {
    for (variable in c("score", "y")) {
      for (domain in c(0, 1, 2, 3)) {
        sub <- if (domain == 0) d else eval(bquote(subset(d, domain == .(domain))))
        result <- suppressWarnings(suppressMessages(
          svyquantile(as.formula(paste0("~", variable)), sub, probabilities, na.rm = TRUE,
                      interval.type = interval)))[[1]]
        kept <- sub[!is.na(sub$variables[[variable]]), ]
        for (i in seq_along(probabilities)) {
          cases[[length(cases) + 1]] <- list(
            design = design_name, interval = interval, variable = variable, domain = domain,
            probability = probabilities[i], estimate = unname(result[i, 1]), lower = na_to_null(result[i, 2]),
            upper = na_to_null(result[i, 3]), standardError = na_to_null(result[i, 4]),
            degreesOfFreedom = degf(kept))
        }
      }
    }
  }
}

boot <- designs$stratified_subbootstrap
golden <- list(
  generator = list(script = "scripts/r/make-golden-replicate-quantile.R", rVersion = R.version.string,
                   surveyVersion = as.character(packageVersion("survey")), seed = 20261207),
  synthetic = TRUE,
  rCall = "svyquantile(~v, subset(repdesign, domain == k), p, na.rm = TRUE, interval.type = t)",
  postStratification = list(variable = "pgroup", totals = list(`1` = 2500, `2` = 3100, `3` = 1900)),
  subbootstrap = list(scale = boot$scale, rscales = unname(boot$rscales),
                      replicateWeights = unname(lapply(seq_len(ncol(weights(boot, "analysis"))),
                                                       function(r) weights(boot, "analysis")[, r]))),
  cases = cases)
write(toJSON(golden, auto_unbox = TRUE, digits = NA, na = "null", pretty = FALSE),
      "Tests/FornyeStatisticsTests/Golden/quantile/replicate-quantile.json")
cat("wrote Tests/FornyeStatisticsTests/Golden/quantile/replicate-quantile.json\n")
