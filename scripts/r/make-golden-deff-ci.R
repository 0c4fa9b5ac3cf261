# make-golden-deff-ci.R: golden values for the design-effect references (R's deff = "replace" and
# deff = TRUE, the without-replacement reference) and svyciprop's "asin" and "likelihood" intervals.
#
# Run by hand from the repository root after make-golden.R (it reads that script's fixture):
#
#     Rscript scripts/r/make-golden-deff-ci.R
#
# It writes Tests/FornyeStatisticsTests/Golden/deff-ci.json. Designs: "stratclust" (strata, PSUs,
# fpc) and "weighted" (weights only), as in make-golden.R.

suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})

LEVEL <- 0.95
OUT <- "Tests/FornyeStatisticsTests/Golden"
if (!dir.exists(OUT)) stop("run from the repository root: ", OUT, " not found")
options(survey.lonely.psu = "fail", survey.adjust.domain.lonely = FALSE, warn = 1)

d <- read.csv(file.path(OUT, "fixture.csv"))
d$innov_s <- ifelse(d$innov %in% 8L, NA_integer_, d$innov)
designs <- list(
  stratclust = svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fpc, nest = TRUE, data = d),
  weighted = svydesign(ids = ~1, weights = ~w, data = d)
)

num17 <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
j <- function(x) structure(num17(x), class = "json")
jv <- function(x) structure(paste0("[", paste(num17(x), collapse = ","), "]"), class = "json")

# svyciprop(method = "likelihood") finds where the profile deviance of the intercept-only
# quasibinomial fit crosses its cut-off by a spline through a few profile points, which leaves
# its limits about 1e-4 from the crossing. The crossing itself: for an intercept-only fit the
# profile is the binomial deviance, so the limits solve KL(p̂ || p) = t² λ φ / (2 · ΣW'), with
# λ the design effect of the coefficient and φ the dispersion, both as confint.svyglm takes them.
likelihood_exact <- function(sub, df) {
  m <- svyglm(.y ~ 1, sub, family = quasibinomial, control = glm.control(epsilon = 1e-14, maxit = 100))
  lambda <- m$cov.unscaled[1, 1] / m$naive.cov[1, 1]
  phi <- summary(m)$dispersion[1]
  w <- m$prior.weights
  p <- sum(w * m$y) / sum(w)
  cut <- qt((1 - LEVEL) / 2, df)^2 * lambda * phi / 2 / sum(w)
  kl <- function(q) p * log(p / q) + (1 - p) * log((1 - p) / (1 - q)) - cut
  c(uniroot(kl, c(1e-12, p), tol = 1e-15)$root, uniroot(kl, c(p, 1 - 1e-12), tol = 1e-15)$root)
}

cells <- list()
for (name in names(designs)) {
  design <- designs[[name]]
  for (region in c(NA, 1:4)) {
    keep <- !is.na(d$innov_s) & (is.na(region) | d$region == region)
    for (code in 1:2) {
      design <- update(design, .y = ifelse(keep, as.numeric(d$innov_s == code), 0))
      sub <- design[keep, ]
      df <- degf(sub)
      replace <- svymean(~.y, sub, deff = "replace")
      srswor <- svymean(~.y, sub, deff = TRUE)
      asin <- attr(svyciprop(~.y, sub, method = "asin", level = LEVEL, df = df), "ci")
      likelihood <- attr(svyciprop(~.y, sub, method = "likelihood", level = LEVEL, df = df), "ci")
      exact <- likelihood_exact(sub, df)
      stopifnot(max(abs(exact - likelihood)) < 1e-3)
      cells[[length(cells) + 1]] <- list(
        design = name, kind = "share", variable = "innov", region = if (is.na(region)) NULL else region,
        category = code, estimate = j(coef(replace)[[1]]), se = j(SE(replace)[[1]]),
        deff_replace = j(deff(replace)[[1]]), deff_srswor = j(deff(srswor)[[1]]), df = df,
        asin = jv(unname(asin)), likelihood_svyciprop = jv(unname(likelihood)), likelihood = jv(exact)
      )
    }
    keep <- !is.na(d$score) & (is.na(region) | d$region == region)
    sub <- design[keep, ]
    for (kind in c("mean", "total")) {
      f <- if (kind == "mean") svymean else svytotal
      replace <- f(~score, sub, deff = "replace")
      srswor <- f(~score, sub, deff = TRUE)
      cells[[length(cells) + 1]] <- list(
        design = name, kind = kind, variable = "score", region = if (is.na(region)) NULL else region,
        estimate = j(coef(replace)[[1]]), se = j(SE(replace)[[1]]),
        deff_replace = j(deff(replace)[[1]]), deff_srswor = j(deff(srswor)[[1]]), df = degf(sub)
      )
    }
  }
}

golden <- list(
  generator = list(
    script = "scripts/r/make-golden-deff-ci.R", r_version = R.version.string,
    survey_version = as.character(packageVersion("survey"))
  ),
  level = LEVEL, cells = cells
)
writeLines(toJSON(golden, auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE, null = "null"),
  file.path(OUT, "deff-ci.json"), useBytes = TRUE)
