# make-golden.R: golden values for Fornye's statistics engine, computed with R's survey package.
#
# Run by hand from the repository root, never in CI:
#
#     Rscript scripts/r/make-golden.R
#
# It writes, into Tests/FornyeStatisticsTests/Golden/:
#   fixture.csv, fixture-codebook.yaml, fixture-codebook.json   synthetic municipal survey (400 rows)
#   srs.json, weighted.json, stratclust.json, poststrat.json,   one file per design, see
#   raked.json, lonely.json                                     scripts/r/README.md for the schema
#
# Everything is deterministic (set.seed); rerunning with the same R and survey versions reproduces
# the files byte for byte. Conventions are documented in scripts/r/README.md; the ones that decide a
# number are repeated in comments where they are applied.

suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
  library(yaml)
})

SEED <- 20240611L
LEVEL <- 0.95
OUT <- "Tests/FornyeStatisticsTests/Golden"
if (!dir.exists(OUT)) stop("run from the repository root: ", OUT, " not found")
if (packageVersion("survey") != "4.1.1") {
  warning("golden files were made with survey 4.1.1; this is ", packageVersion("survey"))
}
options(survey.lonely.psu = "fail", survey.adjust.domain.lonely = FALSE, warn = 1)

GENERATOR <- list(
  script = "scripts/r/make-golden.R",
  r_version = R.version.string,
  survey_version = as.character(packageVersion("survey")),
  jsonlite_version = as.character(packageVersion("jsonlite")),
  seed = SEED
)

# ---------------------------------------------------------------------------------------------
# Fixture data
# ---------------------------------------------------------------------------------------------

# Strata are municipality size groups, PSUs are municipalities (356 in the population, as in
# Norway 2020), rows are responding units (one leader per school, nursing home, ...).
make_fixture <- function() {
  set.seed(SEED)
  strata <- data.frame(
    stratum = c("A", "B", "C", "D"),
    sampled = c(4L, 7L, 9L, 12L),
    population = c(10, 30, 90, 226),
    mean_size = c(20, 15, 12, 9)
  )
  psus <- do.call(rbind, lapply(seq_len(nrow(strata)), function(h) {
    s <- strata[h, ]
    data.frame(
      stratum = s$stratum,
      psu = seq_len(s$sampled),
      fpc = s$population,
      raw_size = s$mean_size * exp(rnorm(s$sampled, 0, 0.45))
    )
  }))
  # Unequal cluster sizes that add up to exactly 400 rows, none below 4.
  size <- pmax(4L, round(psus$raw_size / sum(psus$raw_size) * 400))
  while (sum(size) != 400) {
    i <- sample(which(size > 4), 1)
    size[i] <- size[i] + sign(400 - sum(size))
  }
  psus$n <- size
  # Region is a property of the municipality, so a region domain holds whole PSUs.
  psus$region <- NA_integer_
  for (s in strata$stratum) {
    idx <- which(psus$stratum == s)
    psus$region[idx] <- sample(rep_len(sample(1:4), length(idx)))
  }
  psus$effect <- rnorm(nrow(psus), 0, 0.5)

  rows <- psus[rep(seq_len(nrow(psus)), psus$n), c("stratum", "psu", "fpc", "region", "effect")]
  n <- nrow(rows)
  d <- data.frame(id = seq_len(n), stratum = rows$stratum, psu = rows$psu, fpc = rows$fpc)

  # Base weight N_h / n_h times a unit-level factor for unequal response; a few very large weights.
  sampled <- strata$sampled[match(d$stratum, strata$stratum)]
  w <- d$fpc / sampled * exp(rnorm(n, 0, 0.35))
  large <- sample(n, 6)
  w[large] <- w[large] * runif(6, 3, 6)
  d$w <- round(w, 4)

  d$region <- rows$region
  d$sector <- ifelse(runif(n) < 0.55, 1L, 2L)
  d$size <- sample(1:5, n, replace = TRUE, prob = c(0.15, 0.25, 0.3, 0.2, 0.1))
  d$size[sample(n, 3)] <- NA_integer_

  big <- d$stratum %in% c("A", "B")
  p_innov <- plogis(-0.2 + 0.5 * big + rows$effect + 0.35 * (d$sector == 2))
  d$innov <- ifelse(runif(n) < p_innov, 1L, 2L)
  d$innov[runif(n) < 0.06] <- 8L
  d$innov[runif(n) < 0.03] <- NA_integer_

  latent <- rows$effect + 0.3 * (d$region == 3) + rnorm(n)
  d$likert <- as.integer(cut(latent, c(-Inf, -1.3, -0.5, 0.25, 1.0, Inf)))
  u <- runif(n)
  d$likert[u < 0.08] <- 8L
  d$likert[u >= 0.08 & u < 0.15] <- 9L
  d$likert[runif(n) < 0.03] <- NA_integer_

  # Multiple choice asked only of units that innovated (innov == 1); routed past otherwise.
  p_mr <- c(0.65, 0.45, 0.3, 0.2, 0.12)
  for (k in 1:5) {
    p <- plogis(qlogis(p_mr[k]) + 0.3 * (d$sector == 2) + 0.5 * rows$effect)
    v <- as.integer(runif(n) < p)
    v[is.na(d$innov) | d$innov != 1] <- NA_integer_
    d[[paste0("mr_", k)]] <- v
  }

  score <- 50 + 12 * rows$effect + 4 * (d$size %in% 4:5) + rnorm(n, 0, 15)
  d$score <- round(pmin(100, pmax(0, score)), 1)
  d$score[runif(n) < 0.05] <- NA_real_

  size_centred <- ifelse(is.na(d$size), 3, d$size) - 3
  d$research <- as.integer(runif(n) < plogis(-0.7 + 0.4 * big + 0.2 * size_centred))
  d$quality <- as.integer(runif(n) <
    plogis(-0.5 + 1.2 * d$research + 0.4 * (d$sector == 2) + 0.25 * size_centred + 0.5 * rows$effect))
  d
}

# ---------------------------------------------------------------------------------------------
# Codebook (YAML for FornyeFormats, the same content as JSON for the statistics tests)
# ---------------------------------------------------------------------------------------------

yes_no <- list(list(code = 0L, label = "Nei", label_en = "No"), list(code = 1L, label = "Ja", label_en = "Yes"))
item_values <- list(
  list(code = 0L, label = "Ikke valgt", label_en = "Not chosen"),
  list(code = 1L, label = "Valgt", label_en = "Chosen")
)
mr_labels <- list(
  c("Andre kommuner", "Other municipalities"),
  c("Private virksomheter", "Private businesses"),
  c("Forsknings- og utdanningsmiljøer", "Research and education institutions"),
  c("Frivillige organisasjoner", "Voluntary organisations"),
  c("Innbyggere og brukere", "Residents and users")
)
values <- function(...) {
  pairs <- list(...)
  lapply(seq_along(pairs), function(i) list(code = as.integer(pairs[[i]][1]), label = pairs[[i]][2], label_en = pairs[[i]][3]))
}
variable <- function(name, label, label_en, kind, values = NULL, missing = NULL) {
  v <- list(name = name, label = label, label_en = label_en, kind = kind)
  if (!is.null(values)) v$values <- values
  if (!is.null(missing)) v$missing <- missing
  v
}

CODEBOOK <- list(
  title = "SYNTETISKE TESTDATA: Fornye golden fixture (synthetic test data, not a real survey)",
  synthetic = TRUE,
  variables = c(
    list(
      variable("id", "Løpenummer", "Row number", "numeric"),
      variable("stratum", "Stratum (kommunestørrelse)", "Stratum (municipality size group)", "text"),
      variable("psu", "Kommune (PSU) innen stratum", "Municipality (PSU) within stratum", "text"),
      variable("fpc", "Antall kommuner i stratumet", "Municipalities in the stratum (population)", "numeric"),
      variable("w", "Designvekt", "Design weight", "numeric"),
      variable("region", "Landsdel", "Region", "singleChoice", values(
        c(1, "Nord-Norge", "Northern Norway"), c(2, "Midt-Norge", "Central Norway"),
        c(3, "Vestlandet", "Western Norway"), c(4, "Østlandet og Sørlandet", "Eastern and Southern Norway")
      )),
      variable("sector", "Sektor", "Sector", "singleChoice", values(
        c(1, "Helse og omsorg", "Health and care"), c(2, "Oppvekst og utdanning", "Childhood and education")
      )),
      variable("size", "Antall ansatte i enheten", "Employees in the unit", "ordinal", values(
        c(1, "Under 10", "Under 10"), c(2, "10-19", "10-19"), c(3, "20-49", "20-49"),
        c(4, "50-99", "50-99"), c(5, "100 eller flere", "100 or more")
      )),
      variable("innov", "Har enheten innført en innovasjon de siste to årene?",
        "Has the unit introduced an innovation in the last two years?", "singleChoice",
        values(c(1, "Ja", "Yes"), c(2, "Nei", "No")), list("8" = "dontKnow")
      ),
      variable("likert", "Enheten har et godt klima for innovasjon", "The unit has a good climate for innovation",
        "ordinal", values(
          c(1, "Helt uenig", "Strongly disagree"), c(2, "Litt uenig", "Somewhat disagree"),
          c(3, "Verken enig eller uenig", "Neither agree nor disagree"), c(4, "Litt enig", "Somewhat agree"),
          c(5, "Helt enig", "Strongly agree")
        ), list("8" = "dontKnow", "9" = "notApplicable")
      )
    ),
    lapply(1:5, function(k) {
      variable(paste0("mr_", k), paste("Samarbeidspartner:", mr_labels[[k]][1]),
        paste("Partner:", mr_labels[[k]][2]), "multipleChoiceItem", item_values)
    }),
    list(
      variable("score", "Innovasjonsindeks (0-100)", "Innovation index (0-100)", "numeric"),
      variable("research", "Har enheten samarbeidet med forskningsmiljøer?",
        "Has the unit worked with researchers?", "singleChoice", yes_no),
      variable("quality", "Har enheten målt forbedret tjenestekvalitet?",
        "Has the unit measured improved service quality?", "singleChoice", yes_no)
    )
  ),
  multiple_response_sets = list(list(
    name = "mr", label = "Samarbeidspartnere i innovasjonsarbeidet",
    label_en = "Partners in innovation work", items = paste0("mr_", 1:5)
  ))
)

write_codebook <- function() {
  header <- paste0(
    "# Synthetic test data for Fornye's golden tests, written by scripts/r/make-golden.R.\n",
    "# Do not edit by hand: change the script and regenerate (see scripts/r/README.md).\n"
  )
  # true/false rather than yaml's default yes/no, which YAML 1.2 readers take for strings.
  logical <- function(x) structure(ifelse(x, "true", "false"), class = "verbatim")
  yaml_text <- as.yaml(CODEBOOK, indent.mapping.sequence = TRUE, handlers = list(logical = logical))
  writeLines(paste0(header, yaml_text),
    file.path(OUT, "fixture-codebook.yaml"), useBytes = TRUE)
  writeLines(toJSON(CODEBOOK, auto_unbox = TRUE, pretty = TRUE), file.path(OUT, "fixture-codebook.json"),
    useBytes = TRUE)
}

# ---------------------------------------------------------------------------------------------
# JSON output with 17 significant digits
# ---------------------------------------------------------------------------------------------

# jsonlite prints at most 15 significant digits even with digits = NA, which does not round-trip
# every double. Doubles are therefore formatted here with %.17g and passed through verbatim.
num17 <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
as_json_tree <- function(x) {
  if (is.list(x)) {
    out <- lapply(x, as_json_tree)
    if (!is.null(names(x))) names(out) <- names(x)
    return(out)
  }
  if (is.double(x)) {
    if (any(is.infinite(x))) stop("infinite value in golden output")
    if (length(x) == 1 && !inherits(x, "AsIs")) return(structure(num17(x), class = "json"))
    return(structure(paste0("[", paste(num17(x), collapse = ","), "]"), class = "json"))
  }
  x
}
write_golden <- function(x, name) {
  text <- toJSON(as_json_tree(x), auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE, null = "null",
    na = "null")
  writeLines(text, file.path(OUT, paste0(name, ".json")), useBytes = TRUE)
}
matrix_rows <- function(m) lapply(seq_len(nrow(m)), function(i) I(unname(as.double(m[i, ]))))
empty_object <- function() structure(list(), names = character(0))

# ---------------------------------------------------------------------------------------------
# Estimates
# ---------------------------------------------------------------------------------------------

# Missing codes are NA in R, as the conventions say. "substantiveOnly" drops dontKnow and
# notApplicable codes; "includeMissingKinds" keeps them as categories (only system missing is NA).
prepare <- function(d) {
  d$innov_s <- ifelse(d$innov %in% 8L, NA_integer_, d$innov)
  d$likert_s <- ifelse(d$likert %in% c(8L, 9L), NA_integer_, d$likert)
  d$likert_all <- d$likert
  d$innov_f <- factor(d$innov_s, levels = 1:2)
  d$likert_f <- factor(d$likert_s, levels = 1:5)
  items <- paste0("mr_", 1:5)
  d$mr_base <- rowSums(is.na(d[, items])) == 0
  d$mr_m <- ifelse(d$mr_base, rowSums(d[, items]), NA_real_)
  d
}

# Domains: the combinations of breakdown codes present among rows with no missing breakdown,
# ordered by codes ascending with the first breakdown slowest (as EstimateTable orders cells).
domains_of <- function(data, breakdowns) {
  if (length(breakdowns) == 0) return(list(empty_object()))
  combos <- unique(data[stats::complete.cases(data[, breakdowns, drop = FALSE]), breakdowns, drop = FALSE])
  combos <- combos[do.call(order, unname(as.list(combos))), , drop = FALSE]
  lapply(seq_len(nrow(combos)), function(i) as.list(vapply(combos[i, , drop = FALSE], as.integer, 1L)))
}
in_domain <- function(data, domain) {
  keep <- rep(TRUE, nrow(data))
  for (b in names(domain)) keep <- keep & !is.na(data[[b]]) & data[[b]] == domain[[b]]
  keep
}

# glm's default convergence (epsilon 1e-8 on the deviance) leaves coefficients accurate to only
# about 1e-8; a tight epsilon gives the maximum-likelihood estimate to full precision.
GLM_CONTROL <- glm.control(epsilon = 1e-14, maxit = 100)
# svyglm on a subset of a calibrated design keeps the rows outside with weight zero, and summary.glm
# says so each time; the message carries no information here.
quiet_zero_weights <- function(expr) {
  withCallingHandlers(expr, warning = function(w) {
    if (grepl("zero weight not used for calculating dispersion", conditionMessage(w))) invokeRestart("muffleWarning")
  })
}

tq <- function(df) qt(1 - (1 - LEVEL) / 2, df)
wald <- function(p, se, df) c(p - tq(df) * se, p + tq(df) * se)
# Wilson score interval on the effective sample size n = p(1-p)/SE^2 with z replaced by the t
# quantile on the cell's degrees of freedom; R has no Wilson method for survey data.
wilson <- function(p, se, df) {
  z <- tq(df)
  n <- p * (1 - p) / se^2
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  c(centre - half, centre + half)
}
xlogit <- function(p, se, df) {
  l <- log(p / (1 - p))
  sl <- se / (p * (1 - p))
  plogis(c(l - tq(df) * sl, l + tq(df) * sl))
}
# svyciprop(method = "beta")'s formula, for % of responses (a ratio, which svyciprop cannot take).
korn_graubard <- function(p, se, rows, df) {
  alpha <- 1 - LEVEL
  n_eff <- p * (1 - p) / se^2 * (qt(alpha / 2, rows - 1) / qt(alpha / 2, df))^2
  c(qbeta(alpha / 2, n_eff * p, n_eff * (1 - p) + 1), qbeta(1 - alpha / 2, n_eff * p + 1, n_eff * (1 - p)))
}
interval <- function(method, ci) list(method = method, low = unname(ci[1]), high = unname(ci[2]))

cell <- function(kind, variable, policy, breakdowns, domain, category = NULL, item = NULL, estimate, se, deff,
                 df, n_base, n_cell, weighted_base, intervals, lonely_psu = NULL) {
  if (!is.finite(se) || se <= 0) stop("zero or undefined SE in ", kind, " ", variable)
  list(
    kind = kind, variable = variable, policy = policy, lonely_psu = lonely_psu,
    breakdowns = I(breakdowns), domain = domain, category = category, item = item,
    estimate = unname(estimate), se = unname(se), deff = unname(deff), df = as.integer(df),
    n_base = as.integer(n_base), n_cell = as.integer(n_cell), weighted_base = unname(weighted_base),
    intervals = intervals
  )
}

# One proportion: the indicator y (0/1, NA outside the base) in the domain, with all five intervals.
proportion_cell <- function(design, y, keep, kind, variable, policy, breakdowns, domain, category, item,
                            lonely_psu) {
  design <- update(design, .y = y)
  sub <- design[keep, ]
  m <- svymean(~.y, sub, deff = "replace")
  p <- coef(m)[[1]]
  se <- SE(m)[[1]]
  df <- degf(sub)
  ci <- function(method) {
    attr(quiet_zero_weights(svyciprop(~.y, sub, method = method, level = LEVEL, df = df)), "ci")
  }
  # svyciprop(method = "logit") fits .y ~ 1 with glm's default epsilon 1e-8, which leaves its limits up
  # to 1.3e-7 (relative) away from the exact ones. This is its code with a tight epsilon instead.
  logit <- function() {
    m <- quiet_zero_weights(svyglm(.y ~ 1, sub, family = quasibinomial, control = GLM_CONTROL))
    plogis(as.numeric(confint(m, 1, level = LEVEL, method = "Wald", ddf = df)))
  }
  beta <- ci("beta")
  # svyciprop's beta formula reproduced here must give svyciprop's own limits.
  stopifnot(isTRUE(all.equal(unname(beta), korn_graubard(p, se, nrow(sub), df), tolerance = 1e-13)))
  intervals <- list(
    interval("logit", logit()), interval("xlogit", ci("xlogit")), interval("beta", beta),
    interval("wald", wald(p, se, df)), interval("wilson", wilson(p, se, df))
  )
  cell(kind, variable, policy, breakdowns, domain, category, item,
    estimate = p, se = se, deff = deff(m)[[1]], df = df,
    n_base = sum(keep), n_cell = sum(keep & y == 1), weighted_base = sum(weights(design)[keep]),
    intervals = c(intervals, beta_base_rows(design, p, se, sum(keep), df)),
    lonely_psu = lonely_psu
  )
}

# A subset of a calibrated design keeps every row (with weight zero outside), so svyciprop's beta
# counts all of them in nrow(design); for an uncalibrated design it counts the rows of the subset.
# For calibrated designs the Korn-Graubard limits with the subset's rows are recorded as well.
beta_base_rows <- function(design, p, se, rows, df) {
  if (is.null(design$postStrata)) return(list())
  list(interval("beta_base_rows", korn_graubard(p, se, rows, df)))
}

shares <- function(design, variable, column, categories, breakdowns, policy, lonely_psu = NULL) {
  data <- design$variables
  out <- list()
  for (domain in domains_of(data, breakdowns)) {
    keep <- !is.na(data[[column]]) & in_domain(data, domain)
    if (!any(keep)) stop("empty domain for ", variable)
    for (code in categories) {
      # Rows outside the base get weight zero in calibrated subsets; their value must not be NA.
      y <- ifelse(keep, as.numeric(data[[column]] == code), 0)
      out[[length(out) + 1]] <- proportion_cell(design, y, keep, "share", variable, policy, breakdowns, domain,
        category = as.integer(code), item = NULL, lonely_psu = lonely_psu)
    }
  }
  out
}

multiple_response <- function(design, breakdowns) {
  data <- design$variables
  items <- paste0("mr_", 1:5)
  out <- list()
  for (domain in domains_of(data, breakdowns)) {
    keep <- data$mr_base & in_domain(data, domain)
    for (item in items) {
      y <- ifelse(keep, data[[item]], 0)
      out[[length(out) + 1]] <- proportion_cell(design, y, keep, "shareOfRespondents", "mr",
        "substantiveOnly", breakdowns, domain, category = NULL, item = item, lonely_psu = NULL)
    }
    # % of responses: a ratio of the item's weighted count to the weighted count of all choices.
    sub <- update(design, .m = mr_m)[keep, ]
    df <- degf(sub)
    for (item in items) {
      r <- svyratio(as.formula(paste0("~", item)), ~.m, sub, na.rm = TRUE, deff = "replace")
      p <- coef(r)[[1]]
      se <- SE(r)[[1]]
      out[[length(out) + 1]] <- cell("shareOfResponses", "mr", "substantiveOnly", breakdowns, domain,
        item = item, estimate = p, se = se, deff = attr(r, "deff")[[1]], df = df,
        n_base = sum(keep), n_cell = sum(keep & data[[item]] %in% 1), weighted_base = sum(weights(design)[keep]),
        intervals = c(list(
          interval("xlogit", xlogit(p, se, df)), interval("beta", korn_graubard(p, se, nrow(sub), df)),
          interval("wald", wald(p, se, df)), interval("wilson", wilson(p, se, df))
        ), beta_base_rows(design, p, se, sum(keep), df))
      )
    }
  }
  out
}

mean_or_total <- function(design, kind, variable, column, breakdowns) {
  data <- design$variables
  out <- list()
  for (domain in domains_of(data, breakdowns)) {
    keep <- !is.na(data[[column]]) & in_domain(data, domain)
    sub <- design[keep, ]
    f <- as.formula(paste0("~", column))
    s <- if (kind == "mean") {
      svymean(f, sub, na.rm = TRUE, deff = "replace")
    } else {
      svytotal(f, sub, na.rm = TRUE, deff = "replace")
    }
    est <- coef(s)[[1]]
    se <- SE(s)[[1]]
    df <- degf(sub)
    out[[length(out) + 1]] <- cell(kind, variable, "substantiveOnly", breakdowns, domain,
      estimate = est, se = se, deff = deff(s)[[1]], df = df, n_base = sum(keep), n_cell = sum(keep),
      weighted_base = sum(weights(design)[keep]), intervals = list(interval("wald", wald(est, se, df)))
    )
  }
  out
}

all_estimates <- function(design) {
  by <- list(character(0), "region", c("region", "sector"))
  out <- list()
  for (b in by) {
    out <- c(out, shares(design, "innov", "innov_s", 1:2, b, "substantiveOnly"))
  }
  # A breakdown with missing values (size has 3 empty cells): those rows are in no domain.
  out <- c(out, shares(design, "innov", "innov_s", 1:2, "size", "substantiveOnly"))
  for (b in by) {
    out <- c(out, shares(design, "likert", "likert_s", 1:5, b, "substantiveOnly"))
    out <- c(out, shares(design, "likert", "likert_all", c(1:5, 8, 9), b, "includeMissingKinds"))
  }
  for (b in list(character(0), "sector")) out <- c(out, multiple_response(design, b))
  for (b in list(character(0), "region")) {
    out <- c(out, mean_or_total(design, "mean", "score", "score", b))
    out <- c(out, mean_or_total(design, "mean", "likert", "likert_s", b))
    out <- c(out, mean_or_total(design, "total", "score", "score", b))
  }
  out
}

chisq_tests <- function(design) {
  out <- list()
  for (f in list(c("region", "innov", "innov_f"), c("sector", "likert", "likert_f"))) {
    for (statistic in c("F", "Chisq")) {
      t <- svychisq(as.formula(paste0("~", f[1], "+", f[3])), design, statistic = statistic)
      df <- if (statistic == "F") list(ndf = unname(t$parameter[["ndf"]]), ddf = unname(t$parameter[["ddf"]]))
      else list(ndf = unname(t$parameter[["df"]]), ddf = NULL)
      out[[length(out) + 1]] <- c(
        list(row = f[1], column = f[2], statistic_type = statistic, statistic = unname(t$statistic)),
        df, list(p_value = unname(t$p.value))
      )
    }
  }
  out
}

glm_fit <- function(design) {
  fit <- quiet_zero_weights(svyglm(quality ~ research + factor(sector) + factor(size), design,
    family = quasibinomial(), control = GLM_CONTROL))
  if (!fit$converged) stop("svyglm did not converge")
  co <- coef(fit)
  V <- vcov(fit)
  p <- length(co)
  ddf_full <- degf(design) + 1 - p
  ci_default <- confint(fit)
  ci_t <- confint(fit, ddf = ddf_full)
  ci_normal <- confint.default(fit)
  summ <- summary(fit)$coefficients
  list(
    formula = "quality ~ research + factor(sector) + factor(size)",
    family = "quasibinomial",
    n_used = as.integer(length(fit$y)),
    df_residual = as.integer(fit$df.residual),
    ddf_full_design = as.integer(ddf_full),
    coefficients = lapply(seq_len(p), function(i) list(
      name = names(co)[i], estimate = unname(co[i]), se = sqrt(V[i, i]),
      t = unname(summ[i, "t value"]), p_value = unname(summ[i, "Pr(>|t|)"]),
      ci_default = list(low = ci_default[i, 1], high = ci_default[i, 2]),
      ci_t_full_design = list(low = ci_t[i, 1], high = ci_t[i, 2]),
      ci_normal = list(low = ci_normal[i, 1], high = ci_normal[i, 2])
    )),
    vcov = matrix_rows(V)
  )
}

# Region 1 minus region 2 in the share of innov = 1, as the ratio contrast y1/n1 - y2/n2 of four totals
# (svycontrast's delta method). This equals svycontrast(svyby(..., covmat = TRUE), c(1, -1, 0, 0)),
# checked to 1e-14 on the uncalibrated designs, but svyby(covmat = TRUE) fails on calibrated designs
# in survey 4.1.1 ("number of items to replace is not a multiple of replacement length").
region_contrast <- function(design) {
  ok <- !is.na(design$variables$innov_s)
  design <- update(design,
    .y1 = ifelse(ok & region == 1, as.numeric(innov_s %in% 1), 0), .n1 = as.numeric(ok & region == 1),
    .y2 = ifelse(ok & region == 2, as.numeric(innov_s %in% 1), 0), .n2 = as.numeric(ok & region == 2)
  )
  k <- svycontrast(svytotal(~ .y1 + .n1 + .y2 + .n2, design), quote(.y1 / .n1 - .y2 / .n2))
  list(list(
    variable = "innov", category = 1L, breakdowns = I("region"),
    minuend = list(region = 1L), subtrahend = list(region = 2L),
    estimate = unname(coef(k)[[1]]), se = unname(SE(k)[[1]])
  ))
}

design_summary <- function(design) {
  w <- weights(design)
  list(rows = nrow(design), degf = as.integer(degf(design)), sum_weights = sum(w),
    kish_deff = sum(w > 0) * sum(w^2) / sum(w)^2)
}

golden <- function(name, design, call, calibration = NULL) {
  c(
    list(design = name, r_call = call, synthetic = TRUE, generator = GENERATOR, confidence_level = LEVEL),
    design_summary(design),
    list(
      estimates = all_estimates(design),
      chisq = chisq_tests(design),
      glm = glm_fit(design),
      contrasts = region_contrast(design),
      calibration = calibration
    )
  )
}

# ---------------------------------------------------------------------------------------------
# Designs
# ---------------------------------------------------------------------------------------------

calibration_info <- function(method, before, after_design, margins) {
  list(method = method, weights_before = I(before), weights = I(unname(weights(after_design))), margins = margins)
}
population_margin <- function(variable, table) {
  list(variable = variable, population = lapply(seq_len(nrow(table)), function(i) {
    list(code = as.integer(table[i, 1]), count = as.double(table$Freq[i]))
  }))
}

main <- function() {
  fixture <- make_fixture()
  write.csv(fixture, file.path(OUT, "fixture.csv"), row.names = FALSE, na = "", quote = FALSE)
  write_codebook()
  # Everything below uses the data as read back from the CSV, so R and Swift see the same doubles.
  d <- prepare(read.csv(file.path(OUT, "fixture.csv"), colClasses = c(stratum = "character", psu = "character")))

  srs <- suppressWarnings(svydesign(ids = ~1, data = d))
  weighted <- svydesign(ids = ~1, weights = ~w, data = d)
  stratclust <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fpc, nest = TRUE, data = d)

  # Known population counts: the weighted counts moved by a few per cent, as from a register.
  ws <- sapply(split(d$w, d$region), sum)
  region_pop <- data.frame(region = 1:4, Freq = round(ws * c(1.08, 0.93, 1.04, 0.97)))
  total <- sum(region_pop$Freq)
  sector_pop <- data.frame(sector = 1:2, Freq = c(round(total * 0.52), total - round(total * 0.52)))

  poststrat <- postStratify(weighted, ~region, region_pop)
  raked <- rake(weighted, list(~sector, ~region), list(sector_pop, region_pop),
    control = list(maxit = 100, epsilon = 1e-10))

  ps_margin <- poststrat$postStrata[[1]]
  ps_cal <- calibration_info("postStratify", d$w, poststrat, list(c(
    population_margin("region", region_pop),
    list(weights_before = I(attr(ps_margin, "oldweights")), weights_after = I(attr(ps_margin, "weights")))
  )))
  # The variance of a raked design uses the margins of the last raking sweep (svyrecvar).
  sweep <- raked$postStrata[[1]]
  rake_margin <- function(variable, population, step) {
    c(population_margin(variable, population),
      list(weights_before = I(attr(step, "oldweights")), weights_after = I(attr(step, "weights"))))
  }
  rk_cal <- calibration_info("rake", d$w, raked, list(
    rake_margin("sector", sector_pop, sweep[[1]]), rake_margin("region", region_pop, sweep[[2]])
  ))
  rk_cal$control <- list(maxit = 100L, epsilon = 1e-10)

  write_golden(golden("srs", srs, "svydesign(ids = ~1, data = fixture)"), "srs")
  write_golden(golden("weighted", weighted, "svydesign(ids = ~1, weights = ~w, data = fixture)"), "weighted")
  write_golden(golden("stratclust", stratclust,
    "svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fpc, nest = TRUE, data = fixture)"),
    "stratclust")
  write_golden(golden("poststrat", poststrat, "postStratify(weighted, ~region, population)", ps_cal), "poststrat")
  write_golden(golden("raked", raked,
    "rake(weighted, list(~sector, ~region), population, control = list(maxit = 100, epsilon = 1e-10))", rk_cal),
    "raked")

  # Lonely PSU: stratum A's municipalities merged into a single PSU labelled "1".
  dl <- d
  dl$psu[dl$stratum == "A"] <- "1"
  lonely <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fpc, nest = TRUE, data = dl)
  lonely_estimates <- list()
  for (rule in c("remove", "adjust", "average", "certainty")) {
    options(survey.lonely.psu = rule)
    for (b in list(character(0), "region")) {
      lonely_estimates <- c(lonely_estimates, shares(lonely, "innov", "innov_s", 1:2, b, "substantiveOnly",
        lonely_psu = rule))
    }
  }
  options(survey.lonely.psu = "fail")
  write_golden(c(
    list(design = "lonely",
      r_call = paste("svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fpc, nest = TRUE,",
        "data = fixture with psu = \"1\" for every row of stratum A)"),
      synthetic = TRUE, generator = GENERATOR, confidence_level = LEVEL, lonely_stratum = "A"),
    design_summary(lonely),
    list(estimates = lonely_estimates)
  ), "lonely")
  invisible(NULL)
}

main()
