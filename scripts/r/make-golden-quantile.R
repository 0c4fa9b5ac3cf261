# Golden values for design-based quantiles (R svyquantile, survey 4.x defaults).
#
# Writes Tests/FornyeStatisticsTests/Golden/quantile/quantile.json: a synthetic stratified,
# clustered sample with a 1-6 score (many ties, the self-test's factor scale) and a continuous
# variable, both with missing values, and svyquantile's estimates, Woodruff intervals (the
# default interval.type = "mean") and standard errors under qrule = "math" (the default), overall
# and in domains, on three designs. Run from the repository root:
#   Rscript scripts/r/make-golden-quantile.R
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})
stopifnot(packageVersion("survey") == "4.1.1")
# The defaults this file pins: if a later survey changes them, the goldens must be remade.
stopifnot(identical(eval(formals(survey:::svyquantile.survey.design)$qrule)[1], "math"))
stopifnot(identical(eval(formals(survey:::svyquantile.survey.design)$interval.type)[1], "mean"))

set.seed(20261207)
psus_per_stratum <- c(A = 6, B = 5, C = 7, D = 4)
population_psus <- c(A = 30, B = 25, C = 40, D = 20)
rows <- list()
for (s in names(psus_per_stratum)) {
  for (p in seq_len(psus_per_stratum[[s]])) {
    m <- sample(4:11, 1)
    rows[[length(rows) + 1]] <- data.frame(stratum = s, psu = as.character(p), m = m)
  }
}
frame <- do.call(rbind, lapply(rows, function(r) r[rep(1, r$m), c("stratum", "psu")]))
n <- nrow(frame)
frame$fpc <- population_psus[frame$stratum]
frame$weight <- round(runif(n, 5, 40), 3)
frame$pgroup <- sample(1:3, n, replace = TRUE)
frame$domain <- sample(1:3, n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
shift <- c(A = 0, B = 0.5, C = -0.4, D = 0.9)[frame$stratum]
frame$score <- pmin(6, pmax(1, round(3.5 + shift + rnorm(n, 0, 1.3))))
frame$y <- round(rnorm(n, 50 + 6 * shift, 12), 2)
frame$score[sample(n, 9)] <- NA
frame$y[sample(n, 7)] <- NA

stratified <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc, nest = TRUE, data = frame)
weighted <- svydesign(ids = ~1, weights = ~weight, data = frame)
post <- postStratify(stratified, ~pgroup, data.frame(pgroup = 1:3, Freq = c(2500, 3100, 1900)))
designs <- list(stratifiedCluster = stratified, weighted = weighted, postStratified = post)
probabilities <- c(0.005, 0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 1)
na_to_null <- function(v) if (is.na(v)) NA else unname(v)

cases <- list()
for (design_name in names(designs)) {
  d <- designs[[design_name]]
  for (variable in c("score", "y")) {
    for (domain in c(0, 1, 2, 3)) {
      sub <- if (domain == 0) d else eval(bquote(subset(d, domain == .(domain))))
      result <- svyquantile(as.formula(paste0("~", variable)), sub, probabilities, na.rm = TRUE)[[1]]
      kept <- sub[!is.na(model.frame(sub)[[variable]]), ]
      for (i in seq_along(probabilities)) {
        cases[[length(cases) + 1]] <- list(
          design = design_name, variable = variable, domain = domain, probability = probabilities[i],
          estimate = unname(result[i, 1]), lower = na_to_null(result[i, 2]), upper = na_to_null(result[i, 3]),
          standardError = na_to_null(result[i, 4]), degreesOfFreedom = degf(kept))
      }
    }
  }
}

golden <- list(
  generator = list(script = "scripts/r/make-golden-quantile.R", rVersion = R.version.string,
                   surveyVersion = as.character(packageVersion("survey")), seed = 20261207),
  synthetic = TRUE,
  rCall = "svyquantile(~v, subset(design, domain == k), p, na.rm = TRUE)  # qrule = 'math', interval.type = 'mean'",
  data = list(rowCount = n, stratum = frame$stratum, psu = frame$psu, fpc = unname(frame$fpc),
              weight = frame$weight, pgroup = frame$pgroup, domain = frame$domain,
              score = frame$score, y = frame$y),
  postStratification = list(weights = unname(weights(post))),
  cases = cases)
dir.create("Tests/FornyeStatisticsTests/Golden/quantile", showWarnings = FALSE, recursive = TRUE)
write(toJSON(golden, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE),
      "Tests/FornyeStatisticsTests/Golden/quantile/quantile.json")
