#!/usr/bin/env python3
"""Offline copy of the short-text calibration fit, to study changes to it before building them.

Reads the features kb-service's samples tool writes (docs/matching.md, "Recalibrating"):

    java -jar kb-service/target/kb-service-*.jar … --duiding.tool=samples \
        --duiding.tool.files=eval/match-train.jsonl,eval/match-holdout.jsonl,… --duiding.tool.output=samples.csv

and fits the calibration the way CalibrationTrainer does for short texts (fewer than nine windows): per text and
narrative the best window, first by evidence and then by the first model's probability; a logistic model on the
standardised inputs with ridge 1; 5-fold cross-validation over the training texts by their line number. It prints,
for each variant asked for, the training set's cross-validated table (right first / recall@3 / no-match shown per
threshold) and each other file's figures (its long letters left out: the long-text stage scores those) with the model fitted on all training texts. The copy is close to the
trainer, not equal (0.940 / 0.927 / 0.047 at 0.50 where the trainer prints 0.945 / 0.931 / 0.047), so a variant
is compared with the copy's own "base" row, never with the trainer's table.

Variants: base; slug (an intercept per narrative); squared (every input also squared); companions (the second and
third narrative shown from a lower threshold once the first is shown).

Usage: scripts/study-calibration.py samples.csv [variant …]   (needs numpy and scikit-learn: Debian python3-sklearn)
"""
import csv
import json
import sys
from collections import defaultdict

import numpy as np
from sklearn.linear_model import LogisticRegression

TRAINING = "eval/match-train.jsonl"
LONG_TEXT_WINDOWS = 9
FOLDS = 5


def read_samples(path):
    rows = list(csv.reader(open(path, encoding="utf-8")))
    by_text = defaultdict(list)
    long_texts = set()
    for r in rows[1:]:
        if int(r[2]) >= LONG_TEXT_WINDOWS:
            long_texts.add((r[0], int(r[1])))
            continue
        by_text[(r[0], int(r[1]))].append((r[4], int(r[5]), np.array([float(v) for v in r[7:]])))
    files = {key[0] for key in by_text}
    expected = {}
    for name in files:
        with open(name, encoding="utf-8") as lines:
            for i, line in enumerate(lines):
                if (name, i) not in long_texts:
                    expected[(name, i)] = json.loads(line)["expected"]
    return rows[0][7:], by_text, expected


def evidence(x):
    # classShare + classCoverage + phrasingCoverage, as CalibrationTrainer chooses windows before a model exists
    return x[4] + x[0] + x[1]


class Model:
    def __init__(self, variant, slugs, width):
        self.variant, self.slugs, self.width = variant, slugs, width

    def inputs(self, x, group):
        if self.variant == "squared":
            return np.concatenate([x, x * x])
        if self.variant == "slug":
            one_hot = np.zeros(len(self.slugs))
            if group in self.slugs:
                one_hot[self.slugs[group]] = 1
            return np.concatenate([x, one_hot])
        return x

    def candidates(self, texts, by_text, score):
        chosen = {}
        for key in texts:
            best = {}
            for group, positive, x in by_text.get(key, []):
                s = evidence(x) if score is None else score(x, group)
                if group not in best or s > best[group][0]:
                    best[group] = (s, x, positive)
            chosen[key] = [(group, x, positive) for group, (s, x, positive) in best.items()]
        return chosen

    def fit(self, texts, by_text):
        score = None
        for _ in range(2):
            chosen = self.candidates(texts, by_text, score)
            xs = np.array([self.inputs(x, g) for c in chosen.values() for g, x, p in c])
            ys = np.array([p for c in chosen.values() for g, x, p in c])
            self.mean, self.scale = xs.mean(0), xs.std(0)
            self.scale[self.scale == 0] = 1
            if self.variant == "slug":  # the intercepts stay 0/1 so the ridge pulls each towards none
                self.mean[self.width:], self.scale[self.width:] = 0, 1
            self.model = LogisticRegression(C=1.0, max_iter=3000).fit((xs - self.mean) / self.scale, ys)
            score = self.probability
        return self

    def probability(self, x, group):
        z = (self.inputs(x, group) - self.mean) / self.scale
        return self.model.predict_proba(z[None, :])[0, 1]

    def ranked(self, texts, by_text):
        chosen = self.candidates(texts, by_text, self.probability)
        return {k: sorted(((self.probability(x, g), g.split("|", 1)[1]) for g, x, p in c), reverse=True)
                for k, c in chosen.items()}


def table(ranked, texts, expected, thresholds, companion=None):
    cells = []
    for t in thresholds:
        positives = negatives = right = false_matches = extra_right = extra_wrong = 0
        recalled = 0.0
        for key in texts:
            ranking = ranked.get(key, [])
            if companion is None:
                shown = [slug for p, slug in ranking if p >= t][:3]
            else:
                shown = ([ranking[0][1]] + [slug for p, slug in ranking[1:] if p >= companion][:2]
                         if ranking and ranking[0][0] >= t else [])
            wanted = expected[key]
            if wanted:
                positives += 1
                right += bool(shown) and shown[0] in wanted
                recalled += sum(w in shown for w in wanted) / len(wanted)
                extra_right += sum(slug in wanted for slug in shown[1:])
                extra_wrong += sum(slug not in wanted for slug in shown[1:])
            else:
                negatives += 1
                false_matches += bool(shown)
        cells.append(f"{t:.2f} {right / positives:.3f}/{recalled / positives:.3f}/{false_matches / max(negatives, 1):.3f}"
                     + (f" (beside the first: {extra_right} right, {extra_wrong} wrong)" if companion is not None else ""))
    return "  ".join(cells)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    names, by_text, expected = read_samples(sys.argv[1])
    variants = sys.argv[2:] or ["base"]
    slugs = {g: i for i, g in enumerate(sorted({g for c in by_text.values() for g, p, x in c
                                                 if not g.startswith("ordinary")}))}
    training = sorted((k for k in expected if k[0] == TRAINING), key=lambda k: k[1])
    others = sorted({k[0] for k in expected} - {TRAINING})
    for variant in variants:
        kind = "base" if variant == "companions" else variant
        cross_validated = {}
        for fold in range(FOLDS):
            model = Model(kind, slugs, len(names)).fit([k for k in training if k[1] % FOLDS != fold], by_text)
            cross_validated.update(model.ranked([k for k in training if k[1] % FOLDS == fold], by_text))
        model = Model(kind, slugs, len(names)).fit(training, by_text)
        sets = [(f"{TRAINING} (cross-validated)", training, cross_validated)]
        sets += [(name, [k for k in expected if k[0] == name],
                  model.ranked([k for k in expected if k[0] == name], by_text)) for name in others]
        for name, texts, ranked in sets:
            if variant == "companions":
                for companion in (0.50, 0.30, 0.25, 0.20, 0.15):
                    print(f"companions from {companion:.2f} | {name}: {table(ranked, texts, expected, (0.5,), companion)}")
            else:
                print(f"{variant} | {name}: {table(ranked, texts, expected, (0.40, 0.45, 0.50, 0.55, 0.60))}")


if __name__ == "__main__":
    main()
