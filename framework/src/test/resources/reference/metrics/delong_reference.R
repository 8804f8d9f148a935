# DeLong confidence intervals for ROC AUC, computed with pROC (the reference named in
# ARCHITECTURE.md section 6). Called by generate_metric_reference.py; not meant to be run alone,
# but it can be:
#   Rscript delong_reference.R <csv> <label column> <score column> <positive> <negative> <group column>
# Prints CSV to stdout: slice,level,auc,low,high,cases,controls  (levels 0.95 and 0.90;
# slice "overall" and "<group column>=<value>" for every group with at least 2 cases and 2 controls,
# because pROC's DeLong CI is NA below that).
suppressPackageStartupMessages(library(pROC))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 6) stop("usage: delong_reference.R csv label score positive negative group")
csv <- args[1]; label_col <- args[2]; score_col <- args[3]
positive <- args[4]; negative <- args[5]; group_col <- args[6]

d <- read.csv(csv, colClasses = "character", stringsAsFactors = FALSE)
d[[score_col]] <- as.numeric(d[[score_col]])

emit <- function(slice, rows) {
  labels <- rows[[label_col]]
  cases <- sum(labels == positive); controls <- sum(labels == negative)
  if (cases < 2 || controls < 2) return(invisible(NULL))
  # direction "<": controls score lower than cases, i.e. higher score = more likely positive.
  r <- roc(response = labels, predictor = rows[[score_col]], levels = c(negative, positive),
           direction = "<", quiet = TRUE)
  for (level in c(0.95, 0.90)) {
    ci <- ci.auc(r, conf.level = level, method = "delong")
    cat(sprintf("%s,%.2f,%.17g,%.17g,%.17g,%d,%d\n", slice, level,
                as.numeric(ci[2]), as.numeric(ci[1]), as.numeric(ci[3]), cases, controls))
  }
}

cat("slice,level,auc,low,high,cases,controls\n")
emit("overall", d)
for (g in sort(unique(d[[group_col]]))) {
  emit(paste0(group_col, "=", g), d[d[[group_col]] == g, , drop = FALSE])
}
