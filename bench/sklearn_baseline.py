"""scikit-learn baseline for the local intent classifier (run once, by hand: `/usr/bin/python3 bench/sklearn_baseline.py`: Debian's python, not a pyenv one).

TfidfVectorizer word 1-2-grams + char_wb 2-5-grams (sublinear tf, each block L2-normalised, as a FeatureUnion),
LinearSVC (C=1), scored with 5-fold cross-validation on SNIPS train_<Intent>.json. The folds and texts come from
bench/results/snips-folds.json, written by `npx tsx bench/run.ts classifier`, so both classifiers see exactly the
same splits (stratified, seed 42). Debian's python3-sklearn is enough.

Measured 2026-11-26 (scikit-learn 1.2.1, 2,100 utterances, 5 folds):
  scikit-learn TF-IDF + LinearSVC   98.95 %
  synthnlu local classifier         99.00 %   (bench/classifier.bench.ts, snipsCvAccuracy)
"""
import json
import os
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.svm import LinearSVC

here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "results", "snips-folds.json")
with open(path, encoding="utf-8") as f:
    rows = json.load(f)
texts = [r["text"] for r in rows]
labels = [r["intent"] for r in rows]
folds = [r["fold"] for r in rows]
# Optional: rows with "test": false only train (generated utterances); fold -1 trains in every fold.
tested = [r.get("test", True) for r in rows]
k = max(folds) + 1


def model():
    features = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
    ])
    return make_pipeline(features, LinearSVC(C=1.0))


started = time.time()
correct = 0
for fold in range(k):
    train = [i for i in range(len(rows)) if folds[i] != fold]
    test = [i for i in range(len(rows)) if folds[i] == fold and tested[i]]
    clf = model().fit([texts[i] for i in train], [labels[i] for i in train])
    predicted = clf.predict([texts[i] for i in test])
    correct += sum(1 for i, p in zip(test, predicted) if p == labels[i])
print(json.dumps({
    "examples": len(rows),
    "tested": len([i for i in range(len(rows)) if tested[i] and folds[i] >= 0]),
    "folds": k,
    "sklearnCvAccuracy": round(100 * correct / len([i for i in range(len(rows)) if tested[i] and folds[i] >= 0]), 2),
    "seconds": round(time.time() - started, 1),
}))
