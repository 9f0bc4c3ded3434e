"""The reference's forest on the pipeline's own features: scikit-learn's RandomForestRegressor
with the reference's settings, timed on one core, scored on the test rows.
Usage: python3 bench/reference-forest.py INTERIM_DIR   (needs python3-sklearn)"""
import csv
import sys
import time

from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_squared_error


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return [[float(v) for v in row] for row in rows[1:]]


interim = sys.argv[1]
x_train, x_test = read(f"{interim}/train_features.csv"), read(f"{interim}/test_features.csv")
y_train = [row[0] for row in read(f"{interim}/train_target.csv")]
y_test = [row[0] for row in read(f"{interim}/test_target.csv")]
forest = RandomForestRegressor(n_estimators=200, max_features="sqrt", min_samples_leaf=2,
                               min_samples_split=4, random_state=42, n_jobs=1)
started = time.perf_counter()
forest.fit(x_train, y_train)
seconds = time.perf_counter() - started
mse = mean_squared_error(y_test, forest.predict(x_test))
print(f"reference: scikit-learn RandomForestRegressor, 200 trees, 1 core: fit {seconds:.2f} s, test MSE {mse:.3f}")
